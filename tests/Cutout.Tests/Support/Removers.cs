namespace Cutout.Tests;

/// <summary>Removers shared by tests: loading a model once is the intended use.</summary>
public static class Removers
{
    static readonly Lazy<BackgroundRemover> DarknessRemover = new(() => BackgroundRemover.Load(TestModels.Darkness, intraOpThreads: 1));

    public static BackgroundRemover Darkness => DarknessRemover.Value;
}
