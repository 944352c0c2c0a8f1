namespace Cutout.Tests.Robustness;

/// <summary>
/// The model the robustness tests run on: a hand-written ONNX graph (ReduceMean over RGB, then Neg, as a logit), so
/// bad inputs go through the real library pipeline (decode, ONNX Runtime, matte, encode) without trained weights.
/// </summary>
public static class RobustnessModel
{
    const int Size = 32;

    static readonly Lazy<string> LazyPath = new(() => Write(Directory.CreateTempSubdirectory("cutout-robustness-model-").FullName));
    static readonly Lazy<BackgroundRemover> LazyRemover = new(() => BackgroundRemover.Load(Path, intraOpThreads: 1));

    /// <summary>The .onnx file (sidecar .json next to it): pass it as --model to the CLI.</summary>
    public static string Path => LazyPath.Value;

    public static BackgroundRemover Remover => LazyRemover.Value;

    static string Write(string folder)
    {
        var onnx = System.IO.Path.Combine(folder, "robustness.onnx");
        File.WriteAllBytes(onnx, Model());
        File.WriteAllText(System.IO.Path.Combine(folder, "robustness.json"), $$"""
            { "name": "robustness", "input": "input", "output": "output", "width": {{Size}}, "height": {{Size}},
              "channels": "RGB", "scale": 1.0, "mean": [127.5, 127.5, 127.5], "std": [12.75, 12.75, 12.75],
              "output_kind": "logit", "resize": "stretch", "license": "test" }
            """);
        return onnx;
    }

    // ONNX protobuf field numbers: ModelProto{ir_version=1, producer=2, graph=7, opset_import=8}; GraphProto{node=1,
    // name=2, input=11, output=12}; NodeProto{input=1, output=2, name=3, op_type=4, attribute=5};
    // AttributeProto{name=1, i=3, ints=8, type=20 (INT=2, INTS=7)}; ValueInfoProto{name=1, type=2}.
    static byte[] Model()
    {
        var reduce = new Protobuf().String(1, "input").String(2, "mean").String(3, "reduce").String(4, "ReduceMean")
            .Message(5, new Protobuf().String(1, "axes").Int(8, 1).Int(20, 7))
            .Message(5, new Protobuf().String(1, "keepdims").Int(3, 1).Int(20, 2));
        var negate = new Protobuf().String(1, "mean").String(2, "output").String(3, "negate").String(4, "Neg");
        var graph = new Protobuf().Message(1, reduce).Message(1, negate).String(2, "robustness")
            .Message(11, Tensor("input", 3)).Message(12, Tensor("output", 1));
        return new Protobuf().Int(1, 8).String(2, "cutout-robustness").Message(7, graph).Message(8, new Protobuf().String(1, "").Int(2, 13)).ToArray();
    }

    static Protobuf Tensor(string name, int channels)
    {
        var shape = new Protobuf();
        foreach (var d in new long[] { 1, channels, Size, Size }) shape.Message(1, new Protobuf().Int(1, d));
        return new Protobuf().String(1, name).Message(2, new Protobuf().Message(1, new Protobuf().Int(1, 1).Message(2, shape)));
    }
}
