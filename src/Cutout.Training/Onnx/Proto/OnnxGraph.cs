using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>onnx.proto GraphProto: node=1, name=2, initializer=5, input=11, output=12.</summary>
public sealed class OnnxGraph
{
    public string Name { get; set; } = "";
    public List<OnnxNode> Nodes { get; } = [];
    public List<OnnxTensor> Initializers { get; } = [];
    public List<OnnxValueInfo> Inputs { get; } = [];
    public List<OnnxValueInfo> Outputs { get; } = [];

    internal static OnnxGraph Parse(ByteString bytes)
    {
        var g = new OnnxGraph();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: g.Nodes.Add(OnnxNode.Parse(input.ReadBytes())); break;
                case 2: g.Name = input.ReadString(); break;
                case 5: g.Initializers.Add(OnnxTensor.Parse(input.ReadBytes())); break;
                case 11: g.Inputs.Add(OnnxValueInfo.Parse(input.ReadBytes())); break;
                case 12: g.Outputs.Add(OnnxValueInfo.Parse(input.ReadBytes())); break;
                default: input.SkipLastField(); break;
            }
        }
        return g;
    }

    internal void WriteTo(CodedOutputStream output)
    {
        foreach (var n in Nodes) ProtoIo.WriteMessage(output, 1, n.WriteTo);
        ProtoIo.WriteString(output, 2, Name);
        foreach (var t in Initializers) ProtoIo.WriteMessage(output, 5, t.WriteTo);
        foreach (var i in Inputs) ProtoIo.WriteMessage(output, 11, i.WriteTo);
        foreach (var o in Outputs) ProtoIo.WriteMessage(output, 12, o.WriteTo);
    }
}
