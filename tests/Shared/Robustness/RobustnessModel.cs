namespace Cutout.Tests.Robustness;

/// <summary>The model the robustness tests run on: <see cref="DarknessOnnx"/> at 32 x 32, one inference thread.</summary>
public static class RobustnessModel
{
    static readonly Lazy<string> LazyPath = new(() =>
        DarknessOnnx.Write(TestTemp.Folder("robustness-model-"), "robustness", 32, 12.75));
    static readonly Lazy<BackgroundRemover> LazyRemover = new(() => BackgroundRemover.Load(Path, intraOpThreads: 1));

    /// <summary>The .onnx file (sidecar .json next to it): pass it as --model to the CLI.</summary>
    public static string Path => LazyPath.Value;

    public static BackgroundRemover Remover => LazyRemover.Value;
}
