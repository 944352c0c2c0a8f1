using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Cutout.Tests;

/// <summary>Writes PNG variants Skia cannot encode (palette, 16-bit, grey + alpha) and lying headers.</summary>
public static class PngWriter
{
    /// <param name="rows">raw scanlines without the filter byte.</param>
    public static byte[] Write(int width, int height, byte bitDepth, byte colorType, byte[][] rows, byte[]? palette = null, byte[]? transparency = null)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = bitDepth;
        header[9] = colorType;
        Chunk(png, "IHDR", header);
        if (palette != null) Chunk(png, "PLTE", palette);
        if (transparency != null) Chunk(png, "tRNS", transparency);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            foreach (var row in rows)
            {
                z.WriteByte(0);
                z.Write(row);
            }
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A valid header claiming <paramref name="width"/> x <paramref name="height"/> with almost no pixel data.</summary>
    public static byte[] LyingHeader(int width, int height) =>
        Write(width, height, 8, 2, [new byte[3]]);

    public static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(length, Crc32(typeAndData));
        png.Write(length);
    }

    static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
