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
        using var codec = OpenCodec(data);
        var (width, height) = OrientedSize(codec);
        return new ImageInfo(width, height, FormatName(codec.EncodedFormat));
    }

    internal static SKCodec OpenCodec(SKData data)
    {
        if (data.Size == 0) throw new CutoutException(CutoutErrorKind.NotAnImage, "The file is empty.");
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
