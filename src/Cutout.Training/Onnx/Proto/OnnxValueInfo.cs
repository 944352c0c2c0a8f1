using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>
/// onnx.proto ValueInfoProto (name=1, type=2) of a tensor: TypeProto.tensor_type=1 → elem_type=1, shape=2 →
/// TensorShapeProto.dim=1 → dim_value=1 | dim_param=2. A dimension is a number or a symbolic name.
/// </summary>
public sealed class OnnxValueInfo
{
    public string Name { get; set; } = "";
    public int ElementType { get; set; } = OnnxTensor.Float;
    /// <summary>Each dimension: a long (fixed) or a string (symbolic, e.g. "N").</summary>
    public List<object> Shape { get; } = [];
    /// <summary>False: no shape is declared at all (rank unknown), e.g. an intermediate tensor exposed as an output.</summary>
    public bool HasShape { get; set; } = true;

    public static OnnxValueInfo Tensor(string name, params object[] shape)
    {
        var v = new OnnxValueInfo { Name = name };
        v.Shape.AddRange(shape);
        return v;
    }

    /// <summary>A float tensor of unknown rank and shape.</summary>
    public static OnnxValueInfo Unshaped(string name) => new() { Name = name, HasShape = false };

    internal static OnnxValueInfo Parse(ByteString bytes)
    {
        var v = new OnnxValueInfo();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: v.Name = input.ReadString(); break;
                case 2: v.ParseType(input.ReadBytes()); break;
                default: input.SkipLastField(); break;
            }
        }
        return v;
    }

    void ParseType(ByteString typeBytes)
    {
        HasShape = false;
        foreach (var (field, tensorType) in Fields(typeBytes))
        {
            if (field != 1) continue;
            foreach (var (f, body) in Fields(tensorType))
            {
                if (f == 1) ElementType = new CodedInputStream(body.ToByteArray()).ReadInt32();
                if (f != 2) continue;
                HasShape = true;
                foreach (var (df, dim) in Fields(body))
                {
                    if (df != 1) continue;
                    var d = new CodedInputStream(dim.ToByteArray());
                    uint tag;
                    object value = "?";
                    while ((tag = d.ReadTag()) != 0)
                    {
                        if (WireFormat.GetTagFieldNumber(tag) == 1) value = d.ReadInt64();
                        else if (WireFormat.GetTagFieldNumber(tag) == 2) value = d.ReadString();
                        else d.SkipLastField();
                    }
                    Shape.Add(value);
                }
            }
        }
    }

    /// <summary>The fields of a message; varints come back as their encoded bytes, length-delimited ones as the payload.</summary>
    static IEnumerable<(int Field, ByteString Body)> Fields(ByteString message)
    {
        var input = new CodedInputStream(message.ToByteArray());
        var list = new List<(int, ByteString)>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited) list.Add((field, input.ReadBytes()));
            else if (WireFormat.GetTagWireType(tag) == WireFormat.WireType.Varint)
                list.Add((field, ByteString.CopyFrom(ProtoIo.Serialize(o => o.WriteInt64(input.ReadInt64())))));
            else input.SkipLastField();
        }
        return list;
    }

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoIo.WriteString(output, 1, Name);
        ProtoIo.WriteMessage(output, 2, type => ProtoIo.WriteMessage(type, 1, tensor =>
        {
            tensor.WriteTag(1, WireFormat.WireType.Varint); tensor.WriteInt32(ElementType);
            if (HasShape) ProtoIo.WriteMessage(tensor, 2, shape =>
            {
                foreach (var dim in Shape)
                    ProtoIo.WriteMessage(shape, 1, d =>
                    {
                        if (dim is string s) ProtoIo.WriteString(d, 2, s);
                        else ProtoIo.WriteInt64(d, 1, Convert.ToInt64(dim));
                    });
            });
        }));
    }
}
