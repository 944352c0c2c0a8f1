using SkiaSharp;

namespace Cutout.Cli;

/// <summary>Small encoded previews for the HTML report.</summary>
static class Thumbnail
{
    const int MaxSide = 240;

    public static byte[] Jpeg(Photo photo) =>
        Encode(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), photo.Rgba, SKEncodedImageFormat.Jpeg);

    /// <summary>The cut-out on a saturated colour, where faint background alpha shows as a veil.</summary>
    public static byte[] OnColour(Photo photo, AlphaMatte matte, (byte R, byte G, byte B) colour)
    {
        var pixels = new byte[photo.PixelCount * 4];
        var rgba = matte.Foreground ?? photo.Rgba;
        for (var i = 0; i < photo.PixelCount; i++)
        {
            var a = AlphaMatte.ToByte(matte.Values[i]) / 255f;
            pixels[i * 4] = (byte)MathF.Round(rgba[i * 4] * a + colour.R * (1 - a));
            pixels[i * 4 + 1] = (byte)MathF.Round(rgba[i * 4 + 1] * a + colour.G * (1 - a));
            pixels[i * 4 + 2] = (byte)MathF.Round(rgba[i * 4 + 2] * a + colour.B * (1 - a));
            pixels[i * 4 + 3] = 255;
        }
        return Encode(new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), pixels, SKEncodedImageFormat.Png);
    }

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
