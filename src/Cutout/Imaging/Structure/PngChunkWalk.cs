using System.Buffers.Binary;
using System.Text;

namespace Cutout;

/// <summary>
/// PNG: length, type, payload, CRC, repeated. Critical chunks (IHDR, PLTE, IDAT, IEND) and APNG frame data are not
/// metadata; every ancillary chunk is, text chunks are also counted, and iCCP and eXIf may appear once.
/// </summary>
internal static class PngChunkWalk
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static void Check(ReadOnlySpan<byte> png)
    {
        var budget = new MetadataBudget("PNG");
        int texts = 0, profiles = 0, exifs = 0;
        CheckHeader(png);
        var at = (long)Signature.Length;
        while (at + 8 <= png.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(png[(int)at..]);
            var type = png.Slice((int)at + 4, 4);
            if (length > int.MaxValue) throw new CutoutException(CutoutErrorKind.BadImage, "The PNG file is damaged: a chunk claims more than 2 GB.");
            if (IsMetadata(type))
            {
                var name = $"a PNG {Encoding.ASCII.GetString(type)} chunk";
                budget.Add(name, length);
                if (type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8) || type.SequenceEqual("iTXt"u8))
                    if (++texts > MetadataLimits.MaxTextChunks) throw StructureScan.TooMany("PNG text chunks", texts, MetadataLimits.MaxTextChunks);
                if (type.SequenceEqual("iCCP"u8) && ++profiles > 1) throw StructureScan.TooMany("PNG colour profiles", profiles, 1);
                if (type.SequenceEqual("eXIf"u8) && ++exifs > 1) throw StructureScan.TooMany("PNG EXIF chunks", exifs, 1);
            }
            if (type.SequenceEqual("IEND"u8)) return;
            at += 12L + length;
        }
    }

    /// <summary>libpng refuses more than a million pixels on a side, which would otherwise read as "not an image".</summary>
    public const int MaxSide = 1_000_000;

    static void CheckHeader(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[12..16].SequenceEqual("IHDR"u8)) return;
        var (width, height) = (BinaryPrimitives.ReadUInt32BigEndian(png[16..]), BinaryPrimitives.ReadUInt32BigEndian(png[20..]));
        if (width > MaxSide || height > MaxSide)
            throw new CutoutException(CutoutErrorKind.TooLarge,
                $"The image is {width:N0} x {height:N0} pixels; PNG images can have at most {MaxSide:N0} pixels on a side.");
    }

    /// <summary>Ancillary chunks have a lower-case first letter; APNG's frame control and frame data are image data.</summary>
    static bool IsMetadata(ReadOnlySpan<byte> type) =>
        (type[0] & 0x20) != 0 && !type.SequenceEqual("fdAT"u8) && !type.SequenceEqual("fcTL"u8) && !type.SequenceEqual("acTL"u8);
}
