using System.Text;
using System.Text.RegularExpressions;

namespace Cutout.Training.Data;

/// <summary>A uint8 C-order NumPy .npy array (format versions 1-3).</summary>
public sealed partial class NpyArray(long[] shape, byte[] data)
{
    public long[] Shape { get; } = shape;
    public byte[] Data { get; } = data;

    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 10 || bytes[0] != 0x93 || Encoding.ASCII.GetString(bytes, 1, 5) != "NUMPY")
            throw new DatasetException($"{path}: not a .npy file");
        int major = bytes[6];
        int headerLength = major == 1 ? BitConverter.ToUInt16(bytes, 8) : BitConverter.ToInt32(bytes, 8);
        int headerStart = major == 1 ? 10 : 12;
        var header = Encoding.ASCII.GetString(bytes, headerStart, headerLength);
        var descr = DescrPattern().Match(header).Groups[1].Value;
        if (descr is not ("|u1" or "<u1" or "u1" or "|b1"))
            throw new DatasetException($"{path}: dtype '{descr}' is not supported (expected uint8)");
        if (header.Contains("'fortran_order': True"))
            throw new DatasetException($"{path}: Fortran-order arrays are not supported");
        var shape = ShapePattern().Match(header).Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(long.Parse).ToArray();
        long count = shape.Aggregate(1L, (a, b) => a * b);
        int offset = headerStart + headerLength;
        if (bytes.Length - offset != count)
            throw new DatasetException($"{path}: expected {count} bytes of data for shape ({string.Join(", ", shape)}), found {bytes.Length - offset}");
        return new NpyArray(shape, bytes[offset..]);
    }

    [GeneratedRegex(@"'descr':\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'shape':\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
