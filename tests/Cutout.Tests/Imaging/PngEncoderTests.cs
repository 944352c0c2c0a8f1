using System.IO.Compression;
using Xunit;

namespace Cutout.Tests;

public class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(97, 301)]
    [InlineData(640, 1000)]
    public void Rgba_round_trips_exactly_including_colour_under_zero_alpha(int width, int height)
    {
        var rgba = Pixels(width * height * 4, seed: width + height);
        for (var i = 3; i < rgba.Length; i += 16) rgba[i] = 0;

        using var decoded = Photo.Decode(PngEncoder.Encode(rgba, width, height, PngEncoder.Layout.Rgba));

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        Assert.Equal(rgba, decoded.Rgba);
    }

    [Theory]
    [InlineData(7, 9)]
    [InlineData(513, 700)]
    public void Rgb_keeps_colours_and_drops_alpha(int width, int height)
    {
        var rgba = Pixels(width * height * 4, seed: 3);

        using var decoded = Photo.Decode(PngEncoder.Encode(rgba, width, height, PngEncoder.Layout.Rgb));

        Assert.False(decoded.HasTransparency);
        for (var i = 0; i < rgba.Length; i++)
            Assert.Equal(i % 4 == 3 ? 255 : rgba[i], decoded.Rgba[i]);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(300, 777)]
    public void Gray_round_trips(int width, int height)
    {
        var gray = Pixels(width * height, seed: 5);

        using var decoded = Photo.Decode(PngEncoder.Encode(gray, width, height, PngEncoder.Layout.Gray));

        for (var i = 0; i < gray.Length; i++)
            Assert.Equal((gray[i], gray[i], gray[i]), (decoded.Rgba[4 * i], decoded.Rgba[4 * i + 1], decoded.Rgba[4 * i + 2]));
    }

    [Fact]
    public void Joined_stripes_form_one_valid_zlib_stream_with_the_right_checksum()
    {
        var (width, height) = (200, 1024);
        var gray = Pixels(width * height, seed: 9);
        var png = PngEncoder.Encode(gray, width, height, PngEncoder.Layout.Gray);

        // .NET's inflater checks the Adler-32 trailer and throws on a mismatch.
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(IdatData(png)), CompressionMode.Decompress))
            zlib.CopyTo(inflated);

        Assert.Equal(height * (width + 1), inflated.Length);
        Assert.True(IdatCount(png) > 2, "a 1024-row image is split into stripes");
    }

    [Fact]
    public void Combined_adler_equals_the_adler_of_the_concatenation()
    {
        var a = Pixels(70_000, seed: 1);
        var b = Pixels(12_345, seed: 2);

        Assert.Equal(Adler32([.. a, .. b]), PngEncoder.CombineAdler(Adler32(a), Adler32(b), b.Length));
        Assert.Equal(Adler32(a), PngEncoder.CombineAdler(Adler32(a), Adler32([]), 0));
    }

    /// <summary>Decoders may ignore chunk CRCs; other tools reject the file. Checked against zlib's CRC-32 (gzip trailer).</summary>
    [Theory]
    [InlineData(1, 1, "Rgba")]
    [InlineData(200, 1024, "Gray")]
    [InlineData(301, 97, "Rgb")]
    public void Every_chunk_crc_matches_an_independent_crc32(int width, int height, string layoutName)
    {
        var layout = Enum.Parse<PngEncoder.Layout>(layoutName);
        var channels = layout == PngEncoder.Layout.Gray ? 1 : 4;
        var png = PngEncoder.Encode(Pixels(width * height * channels, seed: 4), width, height, layout);

        var chunks = Chunks(png).ToList();
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        foreach (var (type, data, crc) in chunks)
            Assert.True(GzipCrc32([.. System.Text.Encoding.ASCII.GetBytes(type), .. data]) == crc, $"{type} chunk: stored CRC {crc:x8}");
    }

    /// <summary>CRC-32 as zlib computes it: the first 4 bytes of a gzip stream's trailer (little-endian).</summary>
    static uint GzipCrc32(byte[] data)
    {
        using var gzip = new MemoryStream();
        using (var stream = new GZipStream(gzip, CompressionLevel.Fastest, leaveOpen: true)) stream.Write(data);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(gzip.ToArray().AsSpan((int)gzip.Length - 8));
    }

    /// <summary>Smooth gradients with noise, so filters and compression see photo-like data.</summary>
    static byte[] Pixels(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count];
        for (var i = 0; i < count; i++) pixels[i] = (byte)(i / 97 % 200 + random.Next(0, 40));
        return pixels;
    }

    static uint Adler32(byte[] data)
    {
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }
        return b << 16 | a;
    }

    static IEnumerable<(string Type, byte[] Data, uint Crc)> Chunks(byte[] png)
    {
        for (var at = 8; at < png.Length;)
        {
            var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            yield return (System.Text.Encoding.ASCII.GetString(png, at + 4, 4), png.AsSpan(at + 8, length).ToArray(),
                System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length)));
            at += 12 + length;
        }
    }

    static byte[] IdatData(byte[] png) => Chunks(png).Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();

    static int IdatCount(byte[] png) => Chunks(png).Count(c => c.Type == "IDAT");
}
