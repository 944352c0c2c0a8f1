using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>onnx.proto NodeProto: input=1, output=2, name=3, op_type=4, attribute=5.</summary>
public sealed class OnnxNode
{
    public string Name { get; set; } = "";
    public string OpType { get; set; } = "";
    public List<string> Inputs { get; } = [];
    public List<string> Outputs { get; } = [];
    public List<OnnxAttribute> Attributes { get; } = [];

    internal static OnnxNode Parse(ByteString bytes)
    {
        var n = new OnnxNode();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: n.Inputs.Add(input.ReadString()); break;
                case 2: n.Outputs.Add(input.ReadString()); break;
                case 3: n.Name = input.ReadString(); break;
                case 4: n.OpType = input.ReadString(); break;
                case 5: n.Attributes.Add(OnnxAttribute.Parse(input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }
        return n;
    }

    internal void WriteTo(CodedOutputStream output)
    {
        foreach (var i in Inputs) { output.WriteTag(1, WireFormat.WireType.LengthDelimited); output.WriteString(i); }
        foreach (var o in Outputs) { output.WriteTag(2, WireFormat.WireType.LengthDelimited); output.WriteString(o); }
        ProtoIo.WriteString(output, 3, Name);
        ProtoIo.WriteString(output, 4, OpType);
        foreach (var a in Attributes) ProtoIo.WriteMessage(output, 5, a.WriteTo);
    }
}
