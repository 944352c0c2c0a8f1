using SkiaSharp;

namespace Cutout;

/// <summary>Size and format of an encoded image.</summary>
public sealed record ImageInfo(int Width, int Height, string Format);

/// <summary>Reads only the header: size and format, no pixel decode.</summary>
public static class ImageProbe
{
    public static ImageInfo Probe(ReadOnlySpan<byte> encoded)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = OpenCodec(data, out _);
        var (width, height) = OrientedSize(codec);
        return new ImageInfo(width, height, FormatName(codec.EncodedFormat));
    }

    /// <summary>
    /// The structural scan alone (<see cref="MetadataLimits"/>): reads chunk lengths, never pixels or metadata, and
    /// refuses what no real photo carries. Cheap enough to run on every upload before it waits for anything.
    /// </summary>
    public static void CheckStructure(ReadOnlySpan<byte> encoded) => StructureScan.Check(encoded);

    internal static SKCodec OpenCodec(SKData data, out ScanResult scan)
    {
        if (data.Size == 0) throw new CutoutException(CutoutErrorKind.NotAnImage, "The file is empty.");
        scan = StructureScan.Check(data.AsSpan());
        var codec = SKCodec.Create(data);
        if (codec is null)
            throw new CutoutException(CutoutErrorKind.NotAnImage, "Not an image in a supported format (JPEG, PNG, WebP, BMP, GIF).");
        if (FormatName(codec.EncodedFormat) is not ("jpeg" or "png" or "webp" or "bmp" or "gif"))
        {
            codec.Dispose();
            throw new CutoutException(CutoutErrorKind.NotAnImage, "Image format not supported; use JPEG, PNG, WebP, BMP or GIF.");
        }
        if (codec.Info.Width <= 0 || codec.Info.Height <= 0)
        {
            codec.Dispose();
            throw new CutoutException(CutoutErrorKind.BadImage, "The image has no pixels.");
        }
        return codec;
    }

    internal static (int Width, int Height) OrientedSize(SKCodec codec) =>
        Orientation.SwapsAxes(codec.EncodedOrigin)
            ? (codec.Info.Height, codec.Info.Width)
            : (codec.Info.Width, codec.Info.Height);

    static string FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Jpeg => "jpeg",
        SKEncodedImageFormat.Png => "png",
        SKEncodedImageFormat.Webp => "webp",
        SKEncodedImageFormat.Bmp => "bmp",
        SKEncodedImageFormat.Gif => "gif",
        _ => format.ToString().ToLowerInvariant(),
    };
}
