namespace Cutout;

/// <summary>
/// GIF: header, logical screen and colour table, then image descriptors (each with LZW data in sub-blocks of up to
/// 255 bytes) and extensions until the trailer. Comment, application and plain-text extensions are metadata; the
/// per-frame graphic control extension is not.
/// </summary>
internal static class GifBlockWalk
{
    const byte Extension = 0x21, Image = 0x2C, GraphicControl = 0xF9;

    public static void Check(ReadOnlySpan<byte> gif)
    {
        if (gif.Length < 13) return;
        var budget = new MetadataBudget("GIF");
        var frames = 0;
        var at = 13 + ColourTableBytes(gif[10]);
        while (at < gif.Length)
        {
            switch (gif[at])
            {
                case Extension when at + 1 < gif.Length:
                    var label = gif[at + 1];
                    var end = SkipSubBlocks(gif, at + 2);
                    if (label != GraphicControl) budget.Add($"a GIF extension 0x{label:X2}", end - at);
                    at = end;
                    break;
                case Image when at + 10 < gif.Length:
                    if (++frames > MetadataLimits.MaxFrames) throw StructureScan.TooMany("GIF frames", frames, MetadataLimits.MaxFrames);
                    at = SkipSubBlocks(gif, at + 10 + ColourTableBytes(gif[at + 9]) + 1);
                    break;
                default:
                    return;   // trailer, truncation or damage: the decoder's business
            }
        }
    }

    static int ColourTableBytes(byte packed) => (packed & 0x80) != 0 ? 3 << ((packed & 7) + 1) : 0;

    /// <summary>The position after the zero-length block that ends a run of sub-blocks (or the end of the file).</summary>
    static int SkipSubBlocks(ReadOnlySpan<byte> gif, int at)
    {
        while (at < gif.Length)
        {
            var length = gif[at];
            at += 1 + length;
            if (length == 0) return at;
        }
        return gif.Length;
    }
}
