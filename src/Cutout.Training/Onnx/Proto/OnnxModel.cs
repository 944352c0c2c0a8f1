using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>
/// onnx.proto ModelProto: ir_version=1, producer_name=2, producer_version=3, graph=7,
/// opset_import=8 (OperatorSetIdProto: domain=1, version=2). Hand-written, no generated code.
/// </summary>
public sealed class OnnxModel
{
    public long IrVersion { get; set; } = 8;
    public string ProducerName { get; set; } = "cutout-train";
    public string ProducerVersion { get; set; } = "1";
    public long OpsetVersion { get; set; } = 17;
    public OnnxGraph Graph { get; set; } = new();

    public static OnnxModel Load(string path) => Parse(File.ReadAllBytes(path));

    public static OnnxModel Parse(byte[] bytes)
    {
        var m = new OnnxModel();
        var input = new CodedInputStream(bytes);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: m.IrVersion = input.ReadInt64(); break;
                case 2: m.ProducerName = input.ReadString(); break;
                case 3: m.ProducerVersion = input.ReadString(); break;
                case 7: m.Graph = OnnxGraph.Parse(input.ReadBytes()); break;
                case 8: m.OpsetVersion = ParseOpset(input.ReadBytes()) ?? m.OpsetVersion; break;
                default: input.SkipLastField(); break;
            }
        }
        return m;
    }

    static long? ParseOpset(ByteString bytes)
    {
        var input = new CodedInputStream(bytes.ToByteArray());
        string domain = "";
        long? version = null;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == 1) domain = input.ReadString();
            else if (WireFormat.GetTagFieldNumber(tag) == 2) version = input.ReadInt64();
            else input.SkipLastField();
        }
        return domain is "" or "ai.onnx" ? version : null;
    }

    public byte[] ToBytes() => ProtoIo.Serialize(o =>
    {
        ProtoIo.WriteInt64(o, 1, IrVersion);
        ProtoIo.WriteString(o, 2, ProducerName);
        ProtoIo.WriteString(o, 3, ProducerVersion);
        ProtoIo.WriteMessage(o, 7, Graph.WriteTo);
        ProtoIo.WriteMessage(o, 8, op => ProtoIo.WriteInt64(op, 2, OpsetVersion));
    });

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());
}
