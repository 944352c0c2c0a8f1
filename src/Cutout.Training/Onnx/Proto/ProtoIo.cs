using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>Small helpers over Google.Protobuf's coded streams for the hand-written onnx.proto messages.</summary>
internal static class ProtoIo
{
    public static void ReadRepeatedInt64(CodedInputStream input, WireFormat.WireType wire, List<long> into)
    {
        if (wire != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadInt64()); return; }
        var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
        while (!packed.IsAtEnd) into.Add(packed.ReadInt64());
    }

    public static void ReadRepeatedFloat(CodedInputStream input, WireFormat.WireType wire, List<float> into)
    {
        if (wire != WireFormat.WireType.LengthDelimited) { into.Add(input.ReadFloat()); return; }
        var packed = new CodedInputStream(input.ReadBytes().ToByteArray());
        while (!packed.IsAtEnd) into.Add(packed.ReadFloat());
    }

    public static void WritePackedInt64(CodedOutputStream output, int field, IReadOnlyCollection<long> values)
    {
        if (values.Count == 0) return;
        WriteMessage(output, field, o => { foreach (var v in values) o.WriteInt64(v); });
    }

    public static void WritePackedFloat(CodedOutputStream output, int field, IReadOnlyCollection<float> values)
    {
        if (values.Count == 0) return;
        WriteMessage(output, field, o => { foreach (var v in values) o.WriteFloat(v); });
    }

    public static void WriteString(CodedOutputStream output, int field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteString(value);
    }

    public static void WriteInt64(CodedOutputStream output, int field, long value)
    {
        output.WriteTag(field, WireFormat.WireType.Varint);
        output.WriteInt64(value);
    }

    /// <summary>Writes a length-delimited field whose body is produced by <paramref name="body"/>.</summary>
    public static void WriteMessage(CodedOutputStream output, int field, Action<CodedOutputStream> body)
    {
        output.WriteTag(field, WireFormat.WireType.LengthDelimited);
        output.WriteBytes(ByteString.CopyFrom(Serialize(body)));
    }

    public static byte[] Serialize(Action<CodedOutputStream> body)
    {
        using var ms = new MemoryStream();
        var o = new CodedOutputStream(ms);
        body(o);
        o.Flush();
        return ms.ToArray();
    }
}
