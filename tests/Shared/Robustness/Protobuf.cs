using System.Text;

namespace Cutout.Tests;

/// <summary>Just enough protobuf encoding to write a tiny ONNX model by hand (no protobuf package needed).</summary>
public sealed class Protobuf
{
    readonly MemoryStream _bytes = new();

    public byte[] ToArray() => _bytes.ToArray();

    public Protobuf Int(int field, long value)
    {
        Varint((ulong)(field << 3));
        Varint((ulong)value);
        return this;
    }

    public Protobuf String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public Protobuf Message(int field, Protobuf message) => Bytes(field, message.ToArray());

    Protobuf Bytes(int field, byte[] value)
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
