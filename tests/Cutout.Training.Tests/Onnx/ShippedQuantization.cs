using System.Collections.Concurrent;
using Cutout.Tests;
using Cutout.Train;
using Cutout.Training.Onnx;
using Xunit;

namespace Cutout.Training.Tests.Onnx;

/// <summary>
/// The shipped models' float originals (exports/NAME.onnx once the int8 files ship in models/; until then models/NAME.onnx)
/// and what <c>cutout-train quantize</c> makes of them with the shipped recipe, made once per test process.
/// </summary>
internal static class ShippedQuantization
{
    /// <summary>Each shipped model with the training split it is calibrated on and the validation split it is scored on.</summary>
    public static readonly (string Name, string Set)[] Models = [("people-unet-resnet18", "people"), ("general-unet-resnet18", "objects")];

    /// <summary>The shipped recipe (docs/training.md, Quantization): 64 training photos.</summary>
    public const int CalibrationCount = 64;

    static readonly ConcurrentDictionary<string, Lazy<string>> Made = new();

    public static string Set(string name) => Models.Single(m => m.Name == name).Set;

    public static string? FloatOriginal(string name)
    {
        var exported = Path.Combine(TestPaths.RepoRoot, "exports", name + ".onnx");
        if (HasSidecar(exported)) return exported;
        var shipped = Path.Combine(TestPaths.RepoRoot, "models", name + ".onnx");
        return HasSidecar(shipped) && Precision(shipped) is null ? shipped : null;
    }

    /// <summary>models/NAME.onnx when it is the int8 model (sidecar precision "int8").</summary>
    public static string? ShippedInt8(string name)
    {
        var shipped = Path.Combine(TestPaths.RepoRoot, "models", name + ".onnx");
        return HasSidecar(shipped) && Precision(shipped) == "int8" ? shipped : null;
    }

    /// <summary>The float original quantized as shipped (int8 activations) or weights only; with its sidecar.</summary>
    public static string Quantized(string name, bool activations) =>
        Made.GetOrAdd($"{name}/{activations}", _ => new Lazy<string>(() =>
        {
            var original = FloatOriginal(name) ?? throw new InvalidOperationException($"no float original of {name}");
            var output = Path.Combine(TestTemp.Folder("shipped-int8-"), name + ".onnx");
            string[] args = activations
                ? [original, "--out", output, "--activations", "--calibrate", Path.Combine(TestPaths.DataRoot, Set(name), "train"),
                   "--calibrate-count", CalibrationCount.ToString()]
                : [original, "--out", output];
            Assert.Equal(0, QuantizeCommand.Run(args));
            return output;
        })).Value;

    static bool HasSidecar(string onnx) => File.Exists(onnx) && File.Exists(OnnxExporter.SidecarPath(onnx));

    static string? Precision(string onnx) => ModelSpec.Read(OnnxExporter.SidecarPath(onnx)).Precision;
}

/// <summary>A theory about the shipped models' float originals; skipped, with the reason, without data or originals.</summary>
public sealed class FloatOriginalTheoryAttribute : TheoryAttribute
{
    public FloatOriginalTheoryAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
        else if (ShippedQuantization.Models.Any(m => ShippedQuantization.FloatOriginal(m.Name) is null))
            Skip = "skipped: no float original of the shipped models (exports/NAME.onnx, or a float models/NAME.onnx)";
    }
}

/// <summary>A theory about shipped int8 models next to their float originals in exports/; skipped, with the reason, before they ship.</summary>
public sealed class ShippedInt8TheoryAttribute : TheoryAttribute
{
    public ShippedInt8TheoryAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
        else if (ShippedQuantization.Models.Any(m => ShippedQuantization.ShippedInt8(m.Name) is null
                                                     || !File.Exists(Path.Combine(TestPaths.RepoRoot, "exports", m.Name + ".onnx"))))
            Skip = "skipped: models/ does not hold the int8 models with their float originals in exports/";
    }
}
