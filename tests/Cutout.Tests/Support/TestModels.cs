namespace Cutout.Tests;

/// <summary>
/// The model for tests that must not depend on trained weights (<see cref="DarknessOnnx"/>, 64 x 64, std 6.375): the
/// light grey backdrop of the astronaut is background, the black visor is subject.
/// </summary>
public static class TestModels
{
    public const int Size = 64;

    static readonly Lazy<string> DarknessPath = new(() => Write(TestTemp.Folder("model-")));

    /// <summary>Path of the .onnx (its sidecar darkness.json is next to it).</summary>
    public static string Darkness => DarknessPath.Value;

    public static string Write(string folder, string name = "darkness") => DarknessOnnx.Write(folder, name, Size, 6.375);
}
