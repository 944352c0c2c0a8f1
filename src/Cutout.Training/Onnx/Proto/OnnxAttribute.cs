using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>onnx.proto AttributeProto: name=1, f=2, i=3, s=4, t=5, floats=7, ints=8, type=20.</summary>
public sealed class OnnxAttribute
{
    public const int FloatType = 1, IntType = 2, StringType = 3, TensorType = 4, FloatsType = 6, IntsType = 7;

    public string Name { get; set; } = "";
    public int Type { get; set; }
    public float F { get; set; }
    public long I { get; set; }
    public string S { get; set; } = "";
    public OnnxTensor? T { get; set; }
    public List<float> Floats { get; } = [];
    public List<long> Ints { get; } = [];

    public static OnnxAttribute Of(string name, long value) => new() { Name = name, Type = IntType, I = value };
    public static OnnxAttribute Of(string name, float value) => new() { Name = name, Type = FloatType, F = value };
    public static OnnxAttribute Of(string name, string value) => new() { Name = name, Type = StringType, S = value };
    public static OnnxAttribute Of(string name, OnnxTensor value) => new() { Name = name, Type = TensorType, T = value };
    public static OnnxAttribute Of(string name, params long[] values)
    {
        var a = new OnnxAttribute { Name = name, Type = IntsType };
        a.Ints.AddRange(values);
        return a;
    }

    internal static OnnxAttribute Parse(ByteString bytes)
    {
        var a = new OnnxAttribute();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var wire = WireFormat.GetTagWireType(tag);
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: a.Name = input.ReadString(); break;
                case 2: a.F = input.ReadFloat(); break;
                case 3: a.I = input.ReadInt64(); break;
                case 4: a.S = input.ReadBytes().ToStringUtf8(); break;
                case 5: a.T = OnnxTensor.Parse(input.ReadBytes()); break;
                case 7: ProtoIo.ReadRepeatedFloat(input, wire, a.Floats); break;
                case 8: ProtoIo.ReadRepeatedInt64(input, wire, a.Ints); break;
                case 20: a.Type = input.ReadInt32(); break;
                default: input.SkipLastField(); break;
            }
        }
        return a;
    }

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoIo.WriteString(output, 1, Name);
        switch (Type)
        {
            case FloatType: output.WriteTag(2, WireFormat.WireType.Fixed32); output.WriteFloat(F); break;
            case IntType: ProtoIo.WriteInt64(output, 3, I); break;
            case StringType: output.WriteTag(4, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.CopyFromUtf8(S)); break;
            case TensorType: ProtoIo.WriteMessage(output, 5, T!.WriteTo); break;
            case FloatsType: ProtoIo.WritePackedFloat(output, 7, Floats); break;
            case IntsType: ProtoIo.WritePackedInt64(output, 8, Ints); break;
        }
        output.WriteTag(20, WireFormat.WireType.Varint); output.WriteInt32(Type);
    }
}
