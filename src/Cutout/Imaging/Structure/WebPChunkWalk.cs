using System.Buffers.Binary;
using System.Text;

namespace Cutout;

/// <summary>
/// WebP: a RIFF container of chunks (four-character type, little-endian size, payload padded to even). VP8, VP8L,
/// VP8X, ALPH, ANIM and ANMF are the image; ICCP, EXIF, XMP and anything unknown are metadata.
/// </summary>
internal static class WebPChunkWalk
{
    public static void Check(ReadOnlySpan<byte> webp)
    {
        var budget = new MetadataBudget("WebP");
        var frames = 0;
        var at = 12L;
        while (at + 8 <= webp.Length)
        {
            var type = webp.Slice((int)at, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(webp[((int)at + 4)..]);
            if (type.SequenceEqual("ANMF"u8) && ++frames > MetadataLimits.MaxFrames)
                throw StructureScan.TooMany("WebP frames", frames, MetadataLimits.MaxFrames);
            if (!IsImage(type)) budget.Add($"a WebP {Encoding.ASCII.GetString(type).TrimEnd()} chunk", size);
            at += 8L + size + (size & 1);
        }
    }

    static bool IsImage(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("VP8 "u8) || type.SequenceEqual("VP8L"u8) || type.SequenceEqual("VP8X"u8) ||
        type.SequenceEqual("ALPH"u8) || type.SequenceEqual("ANIM"u8) || type.SequenceEqual("ANMF"u8);
}
