using System.Globalization;

namespace Cutout;

/// <summary>What the structural scan learnt: whether the compressed data could possibly hold the declared pixels.</summary>
internal readonly record struct ScanResult(bool PixelDataTooShort);

/// <summary>
/// A walk over the container of an encoded image (PNG chunks, JPEG markers, WebP RIFF chunks, GIF blocks) that runs
/// before any decoder: it reads lengths and skips payloads, so its cost is a few operations per chunk, and it refuses
/// metadata no real photo carries (<see cref="MetadataLimits"/>). Other formats and truncated containers pass: the
/// decoder answers those.
/// </summary>
internal static class StructureScan
{
    public static ScanResult Check(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith(PngChunkWalk.Signature)) PngChunkWalk.Check(data);
        else if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return JpegMarkerWalk.Check(data);
        else if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) WebPChunkWalk.Check(data);
        else if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8)) GifBlockWalk.Check(data);
        return default;
    }

    public static CutoutException TooBig(string what, long bytes, long limit) =>
        new(CutoutErrorKind.BadImage, string.Create(CultureInfo.InvariantCulture,
            $"The image carries {what} of {Describe(bytes)}; real photos carry at most {Describe(limit)}, so it is refused."));

    public static CutoutException TooMany(string what, long count, long limit) =>
        new(CutoutErrorKind.BadImage, string.Create(CultureInfo.InvariantCulture,
            $"The image carries {count:N0} {what} or more; real photos carry at most {limit:N0}, so it is refused."));

    static string Describe(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
