using System.Buffers.Binary;
using System.Text;

namespace Cutout.Tests;

/// <summary>
/// Files built to make a decoder work far beyond their honest content: huge or many metadata chunks, headers that claim
/// more pixels than the data holds, tiny files that expand to tens of megapixels. Shared by the tests and the bench.
/// </summary>
public static class HostileInputs
{
    /// <summary>The PNG with one ancillary chunk of <paramref name="bytes"/> bytes right after IHDR (where libpng must buffer it whole).</summary>
    public static byte[] PngWithChunk(byte[] png, string type, int bytes, int copies = 1)
    {
        using var output = new MemoryStream();
        output.Write(png, 0, 33);                                  // signature + IHDR
        var payload = new byte[bytes];
        if (type is "tEXt") { "Comment\0"u8.CopyTo(payload); Array.Fill(payload, (byte)'a', 8, bytes - 8); }
        for (var i = 0; i < copies; i++) PngWriter.Chunk(output, type, payload);
        output.Write(png, 33, png.Length - 33);
        return output.ToArray();
    }

    /// <summary>An all-zero 1-bit greyscale PNG: a few KB that decode to width x height RGBA pixels.</summary>
    public static byte[] BlankPng(int width, int height)
    {
        var row = new byte[(width + 7) / 8];
        return PngWriter.Write(width, height, 1, 0, Enumerable.Repeat(row, height).ToArray());
    }

    /// <summary>The JPEG with APP15 segments of 64 KB appended after SOI until <paramref name="bytes"/> bytes of them.</summary>
    public static byte[] JpegWithAppSegments(byte[] jpeg, int bytes)
    {
        using var output = new MemoryStream();
        output.Write(jpeg, 0, 2);
        var segment = new byte[65535 + 2];
        segment[0] = 0xFF;
        segment[1] = 0xEF;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), 65535);
        for (var written = 0; written < bytes; written += segment.Length) output.Write(segment);
        output.Write(jpeg, 2, jpeg.Length - 2);
        return output.ToArray();
    }

    /// <summary>The JPEG with its (last) scan repeated until it has <paramref name="scans"/> scans.</summary>
    public static byte[] JpegWithScans(byte[] jpeg, int scans)
    {
        var sos = jpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xDA]);
        var eoi = jpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xD9]);
        using var output = new MemoryStream();
        output.Write(jpeg, 0, sos);
        for (var i = 0; i < scans; i++) output.Write(jpeg, sos, eoi - sos);
        output.Write(jpeg, eoi, jpeg.Length - eoi);
        return output.ToArray();
    }

    /// <summary>The WebP with one more chunk of <paramref name="bytes"/> bytes at its end, RIFF size updated.</summary>
    public static byte[] WebPWithChunk(byte[] webp, string type, int bytes)
    {
        var output = new byte[webp.Length + 8 + bytes + (bytes & 1)];
        webp.CopyTo(output, 0);
        Encoding.ASCII.GetBytes(type).CopyTo(output, webp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(webp.Length + 4), bytes);
        BinaryPrimitives.WriteInt32LittleEndian(output.AsSpan(4), output.Length - 8);
        return output;
    }

    /// <summary>The GIF with a comment extension of <paramref name="bytes"/> bytes after its colour table.</summary>
    public static byte[] GifWithComment(byte[] gif, int bytes)
    {
        var tableEnd = 13 + ((gif[10] & 0x80) != 0 ? 3 << ((gif[10] & 7) + 1) : 0);
        using var output = new MemoryStream();
        output.Write(gif, 0, tableEnd);
        output.Write([0x21, 0xFE]);
        for (var left = bytes; left > 0; left -= 255)
        {
            var n = Math.Min(255, left);
            output.WriteByte((byte)n);
            output.Write(new byte[n]);
        }
        output.WriteByte(0);
        output.Write(gif, tableEnd, gif.Length - tableEnd);
        return output.ToArray();
    }

    /// <summary>An 8-bit run-length BMP declaring width x height whose only code is "end of bitmap": about 1 KB.</summary>
    public static byte[] RleBmp(int width, int height)
    {
        const int header = 14 + 40, palette = 256 * 4;
        var bmp = new byte[header + palette + 2];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), header + palette);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 8);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(30), 1);            // BI_RLE8
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), 2);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(46), 256);
        for (var i = 0; i < 256; i++) bmp[header + i * 4] = bmp[header + i * 4 + 1] = bmp[header + i * 4 + 2] = (byte)i;
        bmp[^2] = 0;
        bmp[^1] = 1;                                                           // end of bitmap
        return bmp;
    }
}
