namespace Cutout.Tests;

/// <summary>
/// A tiny hand-written ONNX model for tests that must not depend on trained weights: "the darker, the more subject".
/// logit = -mean over RGB of (v - 127.5) / 6.375: the light grey backdrop of the astronaut is background, the black
/// visor is subject, and the output is predictable from the pixels.
/// </summary>
public static class TestModels
{
    public const int Size = 64;

    static readonly Lazy<string> DarknessPath = new(() => Write(Directory.CreateTempSubdirectory("cutout-tests-model-").FullName));

    /// <summary>Path of the .onnx (its sidecar darkness.json is next to it).</summary>
    public static string Darkness => DarknessPath.Value;

    public static string Write(string folder, string name = "darkness")
    {
        var onnx = Path.Combine(folder, name + ".onnx");
        File.WriteAllBytes(onnx, Model());
        File.WriteAllText(Path.Combine(folder, name + ".json"), $$"""
            { "name": "{{name}}", "input": "input", "output": "output", "width": {{Size}}, "height": {{Size}},
              "channels": "RGB", "scale": 1.0, "mean": [127.5, 127.5, 127.5], "std": [6.375, 6.375, 6.375],
              "output_kind": "logit", "resize": "stretch", "license": "test" }
            """);
        return onnx;
    }

    static byte[] Model()
    {
        var reduce = new Protobuf().String(1, "input").String(2, "mean").String(3, "reduce").String(4, "ReduceMean")
            .Message(5, new Protobuf().String(1, "axes").Int(8, 1).Int(20, 7))
            .Message(5, new Protobuf().String(1, "keepdims").Int(3, 1).Int(20, 2));
        var negate = new Protobuf().String(1, "mean").String(2, "output").String(3, "negate").String(4, "Neg");
        var graph = new Protobuf().Message(1, reduce).Message(1, negate).String(2, "darkness")
            .Message(11, Tensor("input", 3)).Message(12, Tensor("output", 1));
        return new Protobuf().Int(1, 8).String(2, "cutout-tests").Message(7, graph)
            .Message(8, new Protobuf().String(1, "").Int(2, 13)).ToArray();
    }

    static Protobuf Tensor(string name, int channels)
    {
        var shape = new Protobuf();
        foreach (var d in new long[] { 1, channels, Size, Size }) shape.Message(1, new Protobuf().Int(1, d));
        var tensorType = new Protobuf().Int(1, 1).Message(2, shape);
        return new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, tensorType));
    }
}
