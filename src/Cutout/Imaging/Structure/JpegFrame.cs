using System.Buffers.Binary;

namespace Cutout;

/// <summary>A JPEG frame header (SOFn): how many 8x8 blocks the entropy-coded data must describe.</summary>
internal readonly record struct JpegFrame(bool Huffman, long Blocks)
{
    /// <summary>Parses the payload after the segment length; null when it is too short to be a frame header.</summary>
    public static JpegFrame? Parse(byte marker, ReadOnlySpan<byte> payload)
    {
        if (payload.Length < 6) return null;
        int height = BinaryPrimitives.ReadUInt16BigEndian(payload[1..]), width = BinaryPrimitives.ReadUInt16BigEndian(payload[3..]);
        int count = payload[5];
        if (payload.Length < 6 + 3 * count || count == 0) return null;
        int maxH = 1, maxV = 1;
        for (var c = 0; c < count; c++)
        {
            maxH = Math.Max(maxH, payload[7 + 3 * c] >> 4);
            maxV = Math.Max(maxV, payload[7 + 3 * c] & 0x0F);
        }
        long blocks = 0;
        for (var c = 0; c < count; c++)
        {
            int h = Math.Max(1, payload[7 + 3 * c] >> 4), v = Math.Max(1, payload[7 + 3 * c] & 0x0F);
            blocks += Ceil(Ceil((long)width * h, maxH), 8) * Ceil(Ceil((long)height * v, maxV), 8);
        }
        // SOF0..SOF2 are Huffman-coded DCT; SOF9 and up are arithmetic-coded, whose codes can be shorter than a bit.
        return new JpegFrame(marker is 0xC0 or 0xC1 or 0xC2, blocks);
    }

    static long Ceil(long value, long by) => (value + by - 1) / by;
}
