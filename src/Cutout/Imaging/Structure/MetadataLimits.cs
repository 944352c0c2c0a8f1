namespace Cutout;

/// <summary>
/// What a real photo carries next to its pixels, generously; anything beyond is refused before any decoder sees it
/// (docs/limits.md). Decoders buffer metadata whole, some at a cost that grows faster than its size.
/// </summary>
public static class MetadataLimits
{
    const int MiB = 1024 * 1024;

    /// <summary>One metadata chunk or block: a PNG ancillary chunk, a WebP metadata chunk, a GIF extension.</summary>
    public const int MaxChunkBytes = 1 * MiB;

    /// <summary>All metadata of one PNG, WebP or GIF together.</summary>
    public const int MaxTotalBytes = 4 * MiB;

    /// <summary>PNG tEXt, zTXt and iTXt chunks together (zTXt and iTXt inflate, so their number counts too).</summary>
    public const int MaxTextChunks = 32;

    /// <summary>PNG ancillary chunks or GIF extensions of any kind.</summary>
    public const int MaxMetadataChunks = 256;

    /// <summary>JPEG APPn and COM segments together (each is at most 64 KB by the format; extended XMP spans many).</summary>
    public const int MaxJpegMetadataBytes = 16 * MiB;

    /// <summary>JPEG scans: progressive files have about 10; each scan is a pass over every block of the image.</summary>
    public const int MaxJpegScans = 100;

    /// <summary>GIF and WebP animation frames: only the first is used, but a decoder indexes all of them on opening.</summary>
    public const int MaxFrames = 10_000;
}
