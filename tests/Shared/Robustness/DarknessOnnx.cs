namespace Cutout.Tests;

/// <summary>
/// Writes a hand-made ONNX model and its sidecar: "the darker, the more subject" (ReduceMean over RGB, then Neg, read
/// as a logit), so tests run the real pipeline (decode, ONNX Runtime, matte, encode) without trained weights and with
/// an output predictable from the pixels.
/// </summary>
public static class DarknessOnnx
{
    /// <param name="std">Input normalisation: logit = -mean over RGB of (v - 127.5) / std.</param>
    public static string Write(string folder, string name, int size, double std)
    {
        var onnx = Path.Combine(folder, name + ".onnx");
        File.WriteAllBytes(onnx, Model(name, size));
        var s = std.ToString(System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(folder, name + ".json"), $$"""
            { "name": "{{name}}", "input": "input", "output": "output", "width": {{size}}, "height": {{size}},
              "channels": "RGB", "scale": 1.0, "mean": [127.5, 127.5, 127.5], "std": [{{s}}, {{s}}, {{s}}],
              "output_kind": "logit", "resize": "stretch", "license": "test" }
            """);
        return onnx;
    }

    // ONNX protobuf field numbers: ModelProto{ir_version=1, producer=2, graph=7, opset_import=8}; GraphProto{node=1,
    // name=2, input=11, output=12}; NodeProto{input=1, output=2, name=3, op_type=4, attribute=5};
    // AttributeProto{name=1, i=3, ints=8, type=20 (INT=2, INTS=7)}; ValueInfoProto{name=1, type=2}.
    static byte[] Model(string name, int size)
    {
        var reduce = new Protobuf().String(1, "input").String(2, "mean").String(3, "reduce").String(4, "ReduceMean")
            .Message(5, new Protobuf().String(1, "axes").Int(8, 1).Int(20, 7))
            .Message(5, new Protobuf().String(1, "keepdims").Int(3, 1).Int(20, 2));
        var negate = new Protobuf().String(1, "mean").String(2, "output").String(3, "negate").String(4, "Neg");
        var graph = new Protobuf().Message(1, reduce).Message(1, negate).String(2, name)
            .Message(11, Tensor("input", 3, size)).Message(12, Tensor("output", 1, size));
        return new Protobuf().Int(1, 8).String(2, "cutout-tests").Message(7, graph)
            .Message(8, new Protobuf().String(1, "").Int(2, 13)).ToArray();
    }

    static Protobuf Tensor(string name, int channels, int size)
    {
        var shape = new Protobuf();
        foreach (var d in new long[] { 1, channels, size, size }) shape.Message(1, new Protobuf().Int(1, d));
        var tensorType = new Protobuf().Int(1, 1).Message(2, shape);
        return new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, tensorType));
    }
}
