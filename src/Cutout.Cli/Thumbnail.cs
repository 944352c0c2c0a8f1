using SkiaSharp;

namespace Cutout.Cli;

/// <summary>Small encoded previews for the HTML report.</summary>
static class Thumbnail
{
    const int MaxSide = 240;

    public static byte[] Jpeg(Photo photo) =>
        Encode(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), photo.Rgba, SKEncodedImageFormat.Jpeg);

    public static byte[] Gray(byte[] gray, int width, int height) =>
        Encode(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque), gray, SKEncodedImageFormat.Png);

    static byte[] Encode(SKImageInfo info, byte[] pixels, SKEncodedImageFormat format)
    {
        var scale = Math.Min(1f, (float)MaxSide / Math.Max(info.Width, info.Height));
        using var source = new SKBitmap(info);
        pixels.AsSpan().CopyTo(source.GetPixelSpan());
        var size = new SKImageInfo(Math.Max(1, (int)(info.Width * scale)), Math.Max(1, (int)(info.Height * scale)), info.ColorType, info.AlphaType);
        using var small = source.Resize(size, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var data = small.Encode(format, 80);
        return data.ToArray();
    }
}
