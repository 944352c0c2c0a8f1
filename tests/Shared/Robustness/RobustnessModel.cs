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
        var reduce = new Pb().Str(1, "input").Str(2, "mean").Str(3, "reduce").Str(4, "ReduceMean")
            .Msg(5, new Pb().Str(1, "axes").Int(8, 1).Int(20, 7))
            .Msg(5, new Pb().Str(1, "keepdims").Int(3, 1).Int(20, 2));
        var negate = new Pb().Str(1, "mean").Str(2, "output").Str(3, "negate").Str(4, "Neg");
        var graph = new Pb().Msg(1, reduce).Msg(1, negate).Str(2, "robustness")
            .Msg(11, Tensor("input", 3)).Msg(12, Tensor("output", 1));
        return new Pb().Int(1, 8).Str(2, "cutout-robustness").Msg(7, graph).Msg(8, new Pb().Str(1, "").Int(2, 13)).ToArray();
    }

    static Pb Tensor(string name, int channels)
    {
        var shape = new Pb();
        foreach (var d in new long[] { 1, channels, Size, Size }) shape.Msg(1, new Pb().Int(1, d));
        return new Pb().Str(1, name).Msg(2, new Pb().Msg(1, new Pb().Int(1, 1).Msg(2, shape)));
    }

    /// <summary>Protobuf wire format: varints and length-delimited fields only.</summary>
    sealed class Pb
    {
        readonly MemoryStream _bytes = new();

        public byte[] ToArray() => _bytes.ToArray();

        public Pb Int(int field, long value)
        {
            Varint((ulong)(field << 3));
            Varint((ulong)value);
            return this;
        }

        public Pb Str(int field, string value) => Bytes(field, System.Text.Encoding.UTF8.GetBytes(value));

        public Pb Msg(int field, Pb message) => Bytes(field, message.ToArray());

        Pb Bytes(int field, byte[] value)
        {
            Varint((ulong)(field << 3 | 2));
            Varint((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        void Varint(ulong value)
        {
            do
            {
                var b = (byte)(value & 0x7f);
                value >>= 7;
                _bytes.WriteByte(value != 0 ? (byte)(b | 0x80) : b);
            } while (value != 0);
        }
    }
}
