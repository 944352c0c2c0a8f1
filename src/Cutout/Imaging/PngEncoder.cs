using System.Buffers.Binary;
using System.IO.Compression;
using System.Numerics.Tensors;

namespace Cutout;

/// <summary>
/// A PNG writer built for speed on large photos: every row uses the Up filter (a vector subtraction) and horizontal
/// stripes are deflated in parallel, pigz-style: each stripe is an independent deflate stream ended by a sync flush,
/// the stripes are joined into one zlib stream and their Adler-32 checksums combined. With zlib level 2 a 1 MP cut-out
/// comes out smaller than libpng's adaptive filters at level 1 in a fraction of the time (bench/results.md).
/// </summary>
static class PngEncoder
{
    public enum Layout : byte { Gray = 0, Rgb = 2, Rgba = 6 }

    const int CompressionLevel = 2;
    // Stripe count depends on the image only, so the same pixels always give the same bytes on any machine.
    const int MinRowsPerStripe = 128;
    const int MaxStripes = 8;
    static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="pixels">Grey: 1 byte per pixel; Rgb and Rgba: RGBA, 4 bytes per pixel (Rgb drops the alpha byte).</param>
    public static byte[] Encode(byte[] pixels, int width, int height, Layout layout)
    {
        var stripes = StripeCount(height);
        var parts = new Stripe[stripes];
        Parallel.For(0, stripes, s =>
        {
            var (first, end) = (height * s / stripes, height * (s + 1) / stripes);
            parts[s] = Deflate(FilterRows(pixels, width, layout, first, end), first: s == 0, last: s == stripes - 1);
        });

        var adler = parts[0].Adler;
        for (var s = 1; s < stripes; s++) adler = CombineAdler(adler, parts[s].Adler, parts[s].RawLength);

        using var png = new MemoryStream(parts.Sum(p => p.Chunk.Length) + 64);
        png.Write(Signature);
        WriteChunk(png, "IHDR"u8, Header(width, height, layout));
        foreach (var part in parts) png.Write(part.Chunk);
        Span<byte> trailer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(trailer, adler);
        WriteChunk(png, "IDAT"u8, trailer);
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    static int StripeCount(int height) =>
        Math.Clamp(height / MinRowsPerStripe, 1, MaxStripes);

    static byte[] Header(int width, int height, Layout layout)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = (byte)layout;
        return header;
    }

    /// <summary>Filter byte 2 (Up) then row minus the row above, for rows [first, end).</summary>
    static byte[] FilterRows(byte[] pixels, int width, Layout layout, int first, int end)
    {
        var rowBytes = width * (layout switch { Layout.Gray => 1, Layout.Rgb => 3, _ => 4 });
        var filtered = new byte[(end - first) * (rowBytes + 1)];
        // Only Rgb needs its rows repacked (alpha dropped); the other layouts are read in place.
        var repackedBytes = layout == Layout.Rgb ? rowBytes : 0;
        byte[] held = new byte[repackedBytes], spare = new byte[repackedBytes];
        ReadOnlySpan<byte> above = first > 0 ? SourceRow(pixels, width, layout, first - 1, rowBytes, held) : new byte[rowBytes];
        for (var y = first; y < end; y++)
        {
            var current = SourceRow(pixels, width, layout, y, rowBytes, spare);
            var target = filtered.AsSpan((y - first) * (rowBytes + 1), rowBytes + 1);
            target[0] = 2;
            TensorPrimitives.Subtract(current, above, target[1..]);
            above = current;
            (held, spare) = (spare, held);
        }
        return filtered;
    }

    static ReadOnlySpan<byte> SourceRow(byte[] pixels, int width, Layout layout, int y, int rowBytes, byte[] repacked)
    {
        if (layout != Layout.Rgb) return pixels.AsSpan(y * rowBytes, rowBytes);
        var source = pixels.AsSpan(y * width * 4, width * 4);
        for (int x = 0, i = 0, o = 0; x < width; x++, i += 4, o += 3)
        {
            repacked[o] = source[i];
            repacked[o + 1] = source[i + 1];
            repacked[o + 2] = source[i + 2];
        }
        return repacked;
    }

    /// <summary>An IDAT chunk holding this stripe's deflate data (the first also the zlib header), its Adler-32 and length.</summary>
    readonly record struct Stripe(byte[] Chunk, uint Adler, long RawLength);

    static Stripe Deflate(byte[] raw, bool first, bool last)
    {
        using var buffer = new MemoryStream(raw.Length / 3 + 64);
        long flushedAt;
        using (var zlib = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = CompressionLevel }, leaveOpen: true))
        {
            zlib.Write(raw);
            zlib.Flush();
            flushedAt = buffer.Length;
        }
        var stream = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var adler = BinaryPrimitives.ReadUInt32BigEndian(stream[^4..]);
        // Keep the zlib header only once (the caller puts stripe 0 first); drop each stream's own checksum trailer,
        // and for all but the last stripe also the final block written after the sync flush.
        var body = stream[(first ? 0 : 2)..(last ? stream.Length - 4 : (int)flushedAt)];
        return new Stripe(ChunkBytes(body), adler, raw.Length);
    }

    static byte[] ChunkBytes(ReadOnlySpan<byte> body)
    {
        using var chunk = new MemoryStream(body.Length + 12);
        WriteChunk(chunk, "IDAT"u8, body);
        return chunk.ToArray();
    }

    static void WriteChunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        png.Write(word);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Append(0, type), data));
        png.Write(word);
    }

    /// <summary>Adler-32 of A followed by B, from their checksums and B's length (zlib's adler32_combine).</summary>
    internal static uint CombineAdler(uint adlerA, uint adlerB, long lengthB)
    {
        const long Base = 65521;
        long a1 = adlerA & 0xFFFF, b1 = adlerA >> 16, a2 = adlerB & 0xFFFF, b2 = adlerB >> 16;
        var a = (a1 + a2 - 1 + Base) % Base;
        var b = (b1 + b2 + lengthB % Base * ((a1 - 1 + Base) % Base)) % Base;
        return (uint)(b << 16 | a);
    }
}
