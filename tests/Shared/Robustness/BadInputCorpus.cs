using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Cutout.Tests.Robustness;

/// <summary>What a good program does with an input: process it, or refuse it with one of the library's error kinds.</summary>
public enum Expect
{
    /// <summary>An unusual but valid image: processed, output decodes.</summary>
    Works,
    /// <summary>Processed (partial decode, the missing part filled) or refused as damaged; both are fine, a crash is not.</summary>
    WorksOrDamaged,
    /// <summary>Refused as damaged (BadImage): e.g. a truncated file, whose missing pixels must not be made up.</summary>
    Damaged,
    /// <summary>Refused as not an image or as damaged (NotAnImage / BadImage).</summary>
    Refused,
    NotAnImage,
    TooLarge,
}

/// <summary>One bad or unusual input, generated in memory (no binaries committed).</summary>
/// <param name="Says">For a hostile input: words the refusal must contain (its error message / problem detail).</param>
public sealed record BadInput(string Name, string FileName, byte[] Bytes, Expect Expect, (int Width, int Height)? Size = null,
                              string? Says = null)
{
    /// <summary>Built to make a decoder work far beyond its honest content: refused fast, with little memory.</summary>
    public bool Hostile => Says != null;

    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus run through the library, the CLI and the API. Every file is made here from the sample photo
/// or by hand (PNG chunks, a baseline CMYK JPEG, an animated GIF, lying PNG/JPEG/BMP/GIF headers, oversized EXIF).
/// </summary>
public static class BadInputCorpus
{
    static readonly Lazy<byte[]> JpegSource = new(() => Encode(Astronaut(96, 64), SKEncodedImageFormat.Jpeg, 90));
    static readonly Lazy<byte[]> PngSource = new(() => Encode(Astronaut(96, 64), SKEncodedImageFormat.Png, 100));
    static readonly Lazy<byte[]> WebPSource = new(() => Encode(Astronaut(96, 64), SKEncodedImageFormat.Webp, 80));
    static readonly Lazy<byte[]> MidJpegSource = new(() => Encode(Astronaut(512, 384), SKEncodedImageFormat.Jpeg, 85));

    /// <summary>The 96x64 sample-photo JPEG the corpus starts from.</summary>
    public static byte[] Jpeg => JpegSource.Value;

    /// <summary>The 96x64 sample-photo PNG the corpus starts from.</summary>
    public static byte[] Png => PngSource.Value;

    /// <summary>The sample photo scaled to width x height, as PNG.</summary>
    public static byte[] AstronautPng(int width, int height) => Encode(Astronaut(width, height), SKEncodedImageFormat.Png, 100);

    public static IReadOnlyList<BadInput> All { get; } = Build();

    public static IEnumerable<object[]> Cases => All.Select(c => new object[] { c.Name });

    public static IEnumerable<object[]> HostileCases => All.Where(c => c.Hostile).Select(c => new object[] { c.Name });

    /// <summary>What refusing a hostile input may cost at most, on a loaded 2-core machine (the attacks took seconds to minutes).</summary>
    public static readonly TimeSpan HostileTimeLimit = TimeSpan.FromSeconds(2);

    public static BadInput Get(string name) => All.Single(c => c.Name == name);

    static List<BadInput> Build() =>
    [
        new("empty file", "empty.png", [], Expect.NotAnImage),
        new("text file with an image extension", "notes.jpg", Encoding.UTF8.GetBytes("Dear diary, this is not a photo.\n"), Expect.NotAnImage),
        new("text file with a txt extension", "readme.txt", Encoding.UTF8.GetBytes("hello\n"), Expect.NotAnImage),
        new("random bytes", "noise.jpg", Noise(4096, seed: 7), Expect.NotAnImage),
        new("JPEG cut inside its header", "cut-jpeg-header.jpg", Jpeg[..40], Expect.Refused),
        new("JPEG truncated at half", "cut-jpeg-half.jpg", Jpeg[..(Jpeg.Length / 2)], Expect.Damaged),
        new("PNG truncated inside IHDR", "cut-png-header.png", Png[..20], Expect.Refused),
        new("PNG truncated at half", "cut-png-half.png", Png[..(Png.Length / 2)], Expect.Damaged),
        new("PNG with a corrupt IDAT checksum", "bad-crc.png", CorruptLastIdatCrc(Png), Expect.WorksOrDamaged, (96, 64)),
        new("PNG named .jpg", "really-a-png.jpg", Png, Expect.Works, (96, 64)),
        new("JPEG named .png", "really-a-jpeg.png", Jpeg, Expect.Works, (96, 64)),
        new("1x1 image", "one-pixel.png", Encode(Astronaut(1, 1), SKEncodedImageFormat.Png, 100), Expect.Works, (1, 1)),
        new("PNG header claiming 30000x30000", "huge-png.png", PngClaiming(30000, 30000), Expect.TooLarge),
        new("JPEG SOF claiming 30000x30000", "huge-jpeg.jpg", JpegClaiming(Jpeg, 30000, 30000), Expect.TooLarge),
        new("BMP header claiming 30000x30000", "huge-bmp.bmp", BmpClaiming(30000, 30000), Expect.TooLarge),
        new("GIF screen claiming 65535x65535", "huge-gif.gif", Gif(65535, 65535, frames: 1), Expect.TooLarge),
        new("JPEG SOF claiming 0 pixels wide", "zero-width.jpg", JpegClaiming(Jpeg, 0, 64), Expect.Refused),
        new("JPEG with 4 MB of EXIF/APP segments, orientation 6", "huge-exif.jpg", WithHugeExif(Jpeg, orientation: 6), Expect.Works, (64, 96)),
        new("JPEG whose EXIF IFD points past the end", "lying-exif.jpg", WithLyingExif(Jpeg), Expect.Works, (96, 64)),
        new("CMYK JPEG (Adobe APP14, hand-built)", "cmyk.jpg", CmykJpeg(64, 48), Expect.Works, (64, 48)),
        new("16-bit RGB PNG", "sixteen-bit.png", Png16(40, 30, alpha: false), Expect.Works, (40, 30)),
        new("16-bit RGBA PNG", "sixteen-bit-alpha.png", Png16(40, 30, alpha: true), Expect.Works, (40, 30)),
        new("animated GIF, 3 frames", "animated.gif", Gif(32, 24, frames: 3), Expect.Works, (32, 24)),
        new("file name with spaces and non-ASCII", "Zoë's photo 写真 (1).png", Png, Expect.Works, (96, 64)),
        .. Hostile(),
    ];

    /// <summary>Issue 14: each reproduced attack, refused by the structural scan or the pixels-per-byte bound.</summary>
    static IEnumerable<BadInput> Hostile()
    {
        const int MB = 1024 * 1024;
        const string Metadata = "real photos carry at most";
        yield return new("PNG with a 24 MB tEXt chunk", "text-bomb.png", HostileInputs.PngWithChunk(Png, "tEXt", 24 * MB), Expect.Damaged, Says: Metadata);
        yield return new("PNG header 60000x60000 with a 2 MB tEXt chunk", "text-bomb-huge.png",
            HostileInputs.PngWithChunk(PngClaiming(60000, 60000), "tEXt", 2 * MB), Expect.Damaged, Says: Metadata);
        yield return new("PNG with 40 zTXt chunks", "many-ztxt.png", HostileInputs.PngWithChunk(Png, "zTXt", 64, copies: 40), Expect.Damaged, Says: Metadata);
        yield return new("PNG with two iCCP chunks", "two-profiles.png", HostileInputs.PngWithChunk(Png, "iCCP", 64, copies: 2), Expect.Damaged, Says: Metadata);
        yield return new("PNG with a 2 MB eXIf chunk", "exif-bomb.png", HostileInputs.PngWithChunk(Png, "eXIf", 2 * MB), Expect.Damaged, Says: Metadata);
        yield return new("PNG with a 2 MB unknown ancillary chunk", "private-chunk.png", HostileInputs.PngWithChunk(Png, "prVt", 2 * MB), Expect.Damaged, Says: Metadata);
        yield return new("PNG with 300 small unknown chunks", "many-chunks.png", HostileInputs.PngWithChunk(Png, "prVt", 16, copies: 300), Expect.Damaged, Says: Metadata);
        yield return new("PNG 1x49000000, past libpng's side limit", "one-by-49m.png", PngClaiming(1, 49_000_000), Expect.TooLarge, Says: "on a side");
        yield return new("JPEG with 17 MB of APP segments", "app-bomb.jpg", HostileInputs.JpegWithAppSegments(Jpeg, 17 * MB), Expect.Damaged, Says: Metadata);
        yield return new("JPEG with 150 scans", "many-scans.jpg", HostileInputs.JpegWithScans(CmykJpeg(64, 48), 150), Expect.Damaged, Says: Metadata);
        yield return new("WebP with a 2 MB EXIF chunk", "webp-exif-bomb.webp", HostileInputs.WebPWithChunk(WebPSource.Value, "EXIF", 2 * MB), Expect.Damaged, Says: Metadata);
        yield return new("GIF with a 2 MB comment", "comment-bomb.gif", HostileInputs.GifWithComment(Gif(32, 24, frames: 1), 2 * MB), Expect.Damaged, Says: Metadata);
        yield return new("JPEG SOF claiming 1900x1900 over 96x64 data", "short-data.jpg", JpegClaiming(Jpeg, 1900, 1900), Expect.Damaged, Says: "truncated");
        yield return new("JPEG SOF claiming 7000x7000 over 512x384 data", "short-data-49mp.jpg", JpegClaiming(MidJpegSource.Value, 7000, 7000), Expect.Damaged, Says: "truncated");
        yield return new("1 KB RLE BMP declaring 7000x7000", "rle-bomb.bmp", HostileInputs.RleBmp(7000, 7000), Expect.TooLarge, Says: "per byte");
        yield return new("blank 1-bit PNG declaring 7000x7000", "blank-49mp.png", HostileInputs.BlankPng(7000, 7000), Expect.TooLarge, Says: "per byte");
    }

    // ---- sources ----

    static SKBitmap Astronaut(int width, int height)
    {
        using var source = SKBitmap.Decode(TestPaths.Astronaut);
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        source.ScalePixels(target, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target;
    }

    static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using (bitmap)
        using (var data = bitmap.Encode(format, quality))
            return data.ToArray();
    }

    public static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        bytes[0] = 0x42;   // not accidentally a JPEG/PNG/GIF/BMP/WebP signature
        return bytes;
    }

    // ---- PNG ----

    public static byte[] PngClaiming(int width, int height) => PngWriter.LyingHeader(width, height);

    static byte[] Png16(int width, int height, bool alpha)
    {
        var channels = alpha ? 4 : 3;
        var rows = new byte[height][];
        for (var y = 0; y < height; y++)
        {
            rows[y] = new byte[width * channels * 2];
            for (var x = 0; x < width; x++)
                for (var c = 0; c < channels; c++)
                {
                    var value = c == 3 ? (ushort)(x < width / 4 ? 0 : 65535) : (ushort)((x * 1601 + y * 2203 + c * 9001) & 0xFFFF);
                    BinaryPrimitives.WriteUInt16BigEndian(rows[y].AsSpan((x * channels + c) * 2), value);
                }
        }
        return PngWriter.Write(width, height, 16, (byte)(alpha ? 6 : 2), rows);
    }

    static byte[] CorruptLastIdatCrc(byte[] png)
    {
        var copy = (byte[])png.Clone();
        var at = LastIndexOf(copy, "IDAT"u8);
        var length = BinaryPrimitives.ReadInt32BigEndian(copy.AsSpan(at - 4));
        copy[at + 4 + length] ^= 0xFF;
        return copy;
    }

    // ---- JPEG ----

    /// <summary>Rewrites the frame header's height and width (SOF0..SOF2).</summary>
    public static byte[] JpegClaiming(byte[] jpeg, int width, int height)
    {
        var copy = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < copy.Length; i++)
            if (copy[i] == 0xFF && copy[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), (ushort)height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), (ushort)width);
                return copy;
            }
        throw new InvalidOperationException("no SOF marker");
    }

    /// <summary>An EXIF APP1 (orientation, padded to the largest segment) plus 60 more 64 KB APP segments after SOI.</summary>
    static byte[] WithHugeExif(byte[] jpeg, int orientation)
    {
        var tiff = new List<byte>();
        tiff.AddRange("II*\0"u8.ToArray());
        tiff.AddRange(BitConverter.GetBytes(8));
        tiff.AddRange(BitConverter.GetBytes((ushort)1));                 // one IFD entry
        tiff.AddRange(BitConverter.GetBytes((ushort)0x0112));            // Orientation
        tiff.AddRange(BitConverter.GetBytes((ushort)3));                 // SHORT
        tiff.AddRange(BitConverter.GetBytes(1));
        tiff.AddRange(BitConverter.GetBytes((ushort)orientation));
        tiff.AddRange(new byte[2]);
        tiff.AddRange(BitConverter.GetBytes(0));                         // no next IFD
        var exif = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var segments = new List<byte[]> { Segment(0xE1, Pad(exif, 65533)) };
        for (var i = 0; i < 60; i++)
            segments.Add(Segment((byte)(0xE2 + i % 12), Pad("cutout-filler\0"u8.ToArray(), 65533, (byte)i)));
        return Insert(jpeg, segments);
    }

    /// <summary>An EXIF APP1 whose IFD claims 65535 entries and points its first IFD past the end of the segment.</summary>
    static byte[] WithLyingExif(byte[] jpeg)
    {
        var exif = "Exif\0\0II*\0"u8.ToArray()
            .Concat(BitConverter.GetBytes(0x7FFFFFF0))                   // IFD offset far outside
            .Concat(BitConverter.GetBytes((ushort)0xFFFF))
            .Concat(new byte[16])
            .ToArray();
        return Insert(jpeg, [Segment(0xE1, exif)]);
    }

    static byte[] Pad(byte[] start, int length, byte fill = 0)
    {
        var padded = new byte[length];
        Array.Fill(padded, fill);
        start.CopyTo(padded, 0);
        return padded;
    }

    static byte[] Segment(byte marker, byte[] payload)
    {
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return segment;
    }

    static byte[] Insert(byte[] jpeg, List<byte[]> segments) =>
        jpeg[..2].Concat(segments.SelectMany(s => s)).Concat(jpeg[2..]).ToArray();

    /// <summary>
    /// A baseline 4-component (CMYK, Adobe transform 0) JPEG: one quantisation table of ones, one-code Huffman tables
    /// (DC category 0, AC end-of-block), so every 8x8 block is flat and each 4-block MCU is the single byte 0x00.
    /// </summary>
    public static byte[] CmykJpeg(int width, int height)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        jpeg.Write(Segment(0xEE, [.. "Adobe"u8, 0x00, 0x64, 0, 0, 0, 0, 0]));
        jpeg.Write(Segment(0xDB, [0x00, .. Enumerable.Repeat((byte)1, 64)]));
        var sof = new List<byte> { 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 4 };
        for (byte c = 1; c <= 4; c++) sof.AddRange([c, 0x11, 0]);
        jpeg.Write(Segment(0xC0, [.. sof]));
        byte[] oneCode = [1, .. new byte[15]];
        jpeg.Write(Segment(0xC4, [0x00, .. oneCode, 0x00]));   // DC table 0: code "0" = category 0
        jpeg.Write(Segment(0xC4, [0x10, .. oneCode, 0x00]));   // AC table 0: code "0" = end of block
        var sos = new List<byte> { 4 };
        for (byte c = 1; c <= 4; c++) sos.AddRange([c, 0x00]);
        sos.AddRange([0, 63, 0]);
        jpeg.Write(Segment(0xDA, [.. sos]));
        var mcus = ((width + 7) / 8) * ((height + 7) / 8);
        jpeg.Write(new byte[mcus]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    // ---- BMP / GIF ----

    static byte[] BmpClaiming(int width, int height)
    {
        var bmp = new byte[54 + 16];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        return bmp;
    }

    /// <summary>
    /// A looping GIF89a with a 4-colour palette; frame f is filled with colour 1 + f % 3. LZW at 3-bit codes with a
    /// clear code before every 2 pixels, so the code table never grows (valid, if not small).
    /// The logical screen is width x height; each frame is at most 64x64 so a lying screen size stays a small file.
    /// </summary>
    public static byte[] Gif(int width, int height, int frames)
    {
        using var gif = new MemoryStream();
        gif.Write("GIF89a"u8);
        void U16(int v) { gif.WriteByte((byte)v); gif.WriteByte((byte)(v >> 8)); }
        U16(width);
        U16(height);
        gif.Write([0xF1, 0, 0]);
        gif.Write([255, 255, 255, 220, 40, 40, 40, 90, 220, 30, 160, 60]);
        gif.Write([0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 0x03, 0x01, 0x00, 0x00, 0x00]);
        var (fw, fh) = (Math.Min(width, 64), Math.Min(height, 64));
        for (var f = 0; f < frames; f++)
        {
            gif.Write([0x21, 0xF9, 0x04, 0x00, 10, 0, 0, 0]);
            gif.WriteByte(0x2C);
            U16(0); U16(0); U16(fw); U16(fh);
            gif.WriteByte(0);
            gif.WriteByte(2);   // LZW minimum code size
            var data = Lzw(fw * fh, (byte)(1 + f % 3));
            for (var i = 0; i < data.Length; i += 255)
            {
                var n = Math.Min(255, data.Length - i);
                gif.WriteByte((byte)n);
                gif.Write(data, i, n);
            }
            gif.WriteByte(0);
        }
        gif.WriteByte(0x3B);
        return gif.ToArray();
    }

    static byte[] Lzw(int pixels, byte index)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        void Code(int code)
        {
            buffer |= code << bits;
            bits += 3;
            while (bits >= 8) { bytes.Add((byte)buffer); buffer >>= 8; bits -= 8; }
        }
        for (var p = 0; p < pixels; p++)
        {
            if (p % 2 == 0) Code(4);   // clear
            Code(index);
        }
        Code(5);                       // end of information
        if (bits > 0) bytes.Add((byte)buffer);
        return [.. bytes];
    }

    static int LastIndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().LastIndexOf(needle);
}
