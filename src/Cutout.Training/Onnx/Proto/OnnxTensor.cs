using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Cutout.Training.Onnx.Proto;

/// <summary>onnx.proto TensorProto, the parts we use: dims=1, data_type=2, float_data=4, int64_data=7, name=8, raw_data=9.</summary>
public sealed class OnnxTensor
{
    public const int Float = 1, UInt8 = 2, Int8 = 3, Int32 = 6, Int64 = 7, Float16 = 10;

    public string Name { get; set; } = "";
    public long[] Dims { get; set; } = [];
    public int DataType { get; set; } = Float;
    /// <summary>Little-endian element bytes (raw_data); float_data / int64_data are folded into it when reading.</summary>
    public byte[] RawData { get; set; } = [];

    public long ElementCount => Dims.Aggregate(1L, (a, b) => a * b);

    public float[] ToFloats()
    {
        if (DataType == Float) return MemoryMarshal.Cast<byte, float>(RawData).ToArray();
        if (DataType == Float16) return MemoryMarshal.Cast<byte, Half>(RawData).ToArray().Select(h => (float)h).ToArray();
        throw new NotSupportedException($"tensor {Name}: data type {DataType} is not float");
    }

    public static OnnxTensor FromFloats(string name, long[] dims, ReadOnlySpan<float> values) =>
        new() { Name = name, Dims = dims, DataType = Float, RawData = MemoryMarshal.AsBytes(values).ToArray() };

    public static OnnxTensor FromHalves(string name, long[] dims, ReadOnlySpan<float> values)
    {
        var halves = new Half[values.Length];
        for (int i = 0; i < halves.Length; i++) halves[i] = (Half)values[i];
        return new() { Name = name, Dims = dims, DataType = Float16, RawData = MemoryMarshal.AsBytes<Half>(halves).ToArray() };
    }

    public static OnnxTensor FromInt64s(string name, long[] dims, ReadOnlySpan<long> values) =>
        new() { Name = name, Dims = dims, DataType = Int64, RawData = MemoryMarshal.AsBytes(values).ToArray() };

    public static OnnxTensor FromInt32s(string name, long[] dims, ReadOnlySpan<int> values) =>
        new() { Name = name, Dims = dims, DataType = Int32, RawData = MemoryMarshal.AsBytes(values).ToArray() };

    public static OnnxTensor FromSBytes(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        new() { Name = name, Dims = dims, DataType = Int8, RawData = MemoryMarshal.AsBytes(values).ToArray() };

    public static OnnxTensor FromBytes(string name, long[] dims, ReadOnlySpan<byte> values) =>
        new() { Name = name, Dims = dims, DataType = UInt8, RawData = values.ToArray() };

    internal static OnnxTensor Parse(ByteString bytes)
    {
        var t = new OnnxTensor();
        var dims = new List<long>();
        var floats = new List<float>();
        var longs = new List<long>();
        var input = new CodedInputStream(bytes.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            int field = WireFormat.GetTagFieldNumber(tag);
            var wire = WireFormat.GetTagWireType(tag);
            switch (field)
            {
                case 1: ProtoIo.ReadRepeatedInt64(input, wire, dims); break;
                case 2: t.DataType = input.ReadInt32(); break;
                case 4: ProtoIo.ReadRepeatedFloat(input, wire, floats); break;
                case 7: ProtoIo.ReadRepeatedInt64(input, wire, longs); break;
                case 8: t.Name = input.ReadString(); break;
                case 9: t.RawData = input.ReadBytes().ToByteArray(); break;
                default: input.SkipLastField(); break;
            }
        }
        t.Dims = dims.ToArray();
        if (t.RawData.Length == 0 && floats.Count > 0) t.RawData = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(floats)).ToArray();
        if (t.RawData.Length == 0 && longs.Count > 0) t.RawData = MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(longs)).ToArray();
        return t;
    }

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoIo.WritePackedInt64(output, 1, Dims);
        output.WriteTag(2, WireFormat.WireType.Varint); output.WriteInt32(DataType);
        ProtoIo.WriteString(output, 8, Name);
        output.WriteTag(9, WireFormat.WireType.LengthDelimited); output.WriteBytes(ByteString.CopyFrom(RawData));
    }
}
