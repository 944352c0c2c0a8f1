using SkiaSharp;

namespace Cutout;

/// <summary>Encodes straight-alpha RGBA or 8-bit grey pixels; colour values are written exactly as given.</summary>
static class ImageEncoder
{
    public static byte[] EncodeRgba(byte[] rgba, int width, int height, OutputFormat format, bool opaque)
    {
        if (format == OutputFormat.Png)
            return PngEncoder.Encode(rgba, width, height, opaque ? PngEncoder.Layout.Rgb : PngEncoder.Layout.Rgba);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Unpremul);
        return Encode(info, rgba, format, lossless: !opaque);
    }

    public static byte[] EncodeGray(byte[] gray, int width, int height) =>
        PngEncoder.Encode(gray, width, height, PngEncoder.Layout.Gray);

    static unsafe byte[] Encode(SKImageInfo info, byte[] pixels, OutputFormat format, bool lossless)
    {
        fixed (byte* p = pixels)
        {
            using var pixmap = new SKPixmap(info, (IntPtr)p, info.RowBytes);
            using var data = format switch
            {
                // Lossless keeps the colour of semi-transparent edge pixels exact; opaque results may be lossy.
                OutputFormat.WebP => pixmap.Encode(lossless
                    ? new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75)
                    : new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, 90)),
                OutputFormat.Jpeg => pixmap.Encode(new SKJpegEncoderOptions(92, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore)),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
            return data?.ToArray() ?? throw new CutoutException(CutoutErrorKind.Io, $"Encoding {format} failed.");
        }
    }
}
