using System.Text;

namespace Cutout.Bench;

/// <summary>
/// Just enough of the ONNX protobuf wire format to write a one-node model (no initializers), e.g. the MatMul that
/// measures the CPU's peak fp32 rate through the same ONNX Runtime kernels (MLAS) that run the segmentation models.
/// Field numbers from onnx/onnx.proto: ModelProto{ir_version=1, graph=7, opset_import=8}, GraphProto{node=1, name=2,
/// input=11, output=12}, NodeProto{input=1, output=2, op_type=4}, ValueInfoProto{name=1, type=2},
/// TypeProto{tensor_type=1}, TypeProto.Tensor{elem_type=1, shape=2}, TensorShapeProto{dim=1}, Dimension{dim_value=1}.
/// </summary>
static class OnnxWriter
{
    public const int Float = 1, UInt8 = 2, Int8 = 3, Int32 = 6, Float16 = 10;

    public static byte[] SingleNodeModel(string opType, (string Name, long[] Shape)[] inputs, (string Name, long[] Shape) output, int opset = 13) =>
        SingleNodeModel(opType, [.. inputs.Select(i => (i.Name, i.Shape, Float))], (output.Name, output.Shape, Float), opset);

    public static byte[] SingleNodeModel(string opType, (string Name, long[] Shape, int Type)[] inputs, (string Name, long[] Shape, int Type) output, int opset = 13)
    {
        var node = new Proto();
        foreach (var (name, _, _) in inputs) node.String(1, name);
        node.String(2, output.Name);
        node.String(4, opType);

        var graph = new Proto();
        graph.Message(1, node);
        graph.String(2, "bench");
        foreach (var (name, shape, type) in inputs) graph.Message(11, ValueInfo(name, shape, type));
        graph.Message(12, ValueInfo(output.Name, output.Shape, output.Type));

        var model = new Proto();
        model.Varint(1, 8);            // ir_version 8
        model.String(2, "cutout-bench");
        model.Message(7, graph);
        var opsetId = new Proto();
        opsetId.String(1, "");
        opsetId.Varint(2, opset);
        model.Message(8, opsetId);
        return model.ToArray();
    }

    static Proto ValueInfo(string name, long[] shape, int type)
    {
        var dims = new Proto();
        foreach (var d in shape) dims.Message(1, new Proto().Varint(1, d));
        var tensor = new Proto().Varint(1, type).Message(2, dims);
        return new Proto().String(1, name).Message(2, new Proto().Message(1, tensor));
    }

    sealed class Proto
    {
        readonly MemoryStream _bytes = new();

        public Proto Varint(int field, long value)
        {
            Tag(field, 0);
            Raw((ulong)value);
            return this;
        }

        public Proto String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

        public Proto Message(int field, Proto message) => Bytes(field, message.ToArray());

        Proto Bytes(int field, byte[] value)
        {
            Tag(field, 2);
            Raw((ulong)value.Length);
            _bytes.Write(value);
            return this;
        }

        void Tag(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

        void Raw(ulong value)
        {
            while (value >= 0x80)
            {
                _bytes.WriteByte((byte)(value | 0x80));
                value >>= 7;
            }
            _bytes.WriteByte((byte)value);
        }

        public byte[] ToArray() => _bytes.ToArray();
    }
}
