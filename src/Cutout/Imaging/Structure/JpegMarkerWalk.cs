using System.Buffers.Binary;

namespace Cutout;

/// <summary>
/// JPEG: marker segments up to each start of scan, then entropy-coded data up to the next marker. Counts APPn and COM
/// bytes and scans, and whether the coded data has at least one bit per 8x8 block (a Huffman code is never shorter),
/// which a file whose header claims more pixels than its data holds does not.
/// </summary>
internal static class JpegMarkerWalk
{
    public static ScanResult Check(ReadOnlySpan<byte> jpeg)
    {
        long metadata = 0, entropyBytes = 0;
        var scans = 0;
        JpegFrame? frame = null;
        var at = 2;
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] != 0xFF) break;                     // not a marker: damaged, the decoder says so
            var marker = jpeg[at + 1];
            if (marker == 0xFF) { at++; continue; }           // fill byte
            if (marker == 0xD9) break;                        // end of image
            if (marker is >= 0xD0 and <= 0xD7 or 0x01) { at += 2; continue; }
            if (at + 4 > jpeg.Length) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(at + 2)..]);
            if (length < 2) break;
            var payload = jpeg.Slice(at + 4, Math.Min(length - 2, jpeg.Length - at - 4));
            if (marker is >= 0xE0 and <= 0xEF or 0xFE)
            {
                metadata += length + 2;
                if (metadata > MetadataLimits.MaxJpegMetadataBytes)
                    throw StructureScan.TooBig("JPEG metadata (APP and COM segments)", metadata, MetadataLimits.MaxJpegMetadataBytes);
            }
            else if (IsFrame(marker))
                frame ??= JpegFrame.Parse(marker, payload);
            at += 2 + length;
            if (marker == 0xDA)
            {
                if (++scans > MetadataLimits.MaxJpegScans) throw StructureScan.TooMany("JPEG scans", scans, MetadataLimits.MaxJpegScans);
                var end = EntropyEnd(jpeg, at);
                entropyBytes += end - at;
                at = end;
            }
        }
        var tooShort = frame is { Huffman: true, Blocks: > 0 } f && entropyBytes * 8 < f.Blocks;
        return new ScanResult(tooShort);
    }

    /// <summary>SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).</summary>
    static bool IsFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    /// <summary>The next 0xFF that starts a marker: not a stuffed 0xFF00, a restart marker or a fill byte.</summary>
    static int EntropyEnd(ReadOnlySpan<byte> jpeg, int at)
    {
        while (true)
        {
            var next = jpeg[Math.Min(at, jpeg.Length)..].IndexOf((byte)0xFF);
            if (next < 0) return jpeg.Length;
            at += next;
            if (at + 1 >= jpeg.Length) return jpeg.Length;
            var following = jpeg[at + 1];
            if (following is 0x00 or >= 0xD0 and <= 0xD7) { at += 2; continue; }
            if (following == 0xFF) { at++; continue; }
            return at;
        }
    }
}
