using SkiaSharp;

namespace Cutout;

/// <summary>Opaque RGBA images to put behind the subject: a colour, another image (scaled to cover), or the photo blurred.</summary>
static class Backdrop
{
    public const string Blur = "blur";

    /// <summary>Refuses a background that is neither blur, a colour, nor an image file, before any work is done.</summary>
    public static void Validate(string background)
    {
        var text = background.Trim();
        if (text.Equals(Blur, StringComparison.OrdinalIgnoreCase) || CssColor.TryParse(text, out _) || IsFile(text)) return;
        throw NotABackground(text);
    }

    // A bare word is a colour name, never a file: callers that pass user text (the server) cannot reach files by name.
    static bool IsFile(string background) => !background.All(char.IsAsciiLetter) && File.Exists(background);

    static CutoutException NotABackground(string background) => new(CutoutErrorKind.UnsupportedOption,
        $"Background '{(background.Length <= 40 ? background : background[..40] + "…")}' is not a colour (#rrggbb, #rgb, a CSS name), 'blur', or an image file.");

    public static byte[] Resolve(Photo photo, RemoveOptions options)
    {
        if (options.BackgroundImage is { } encoded) return Image(encoded, photo.Width, photo.Height, options.MaxPixels);
        var background = options.Background!.Trim();
        if (background.Equals(Blur, StringComparison.OrdinalIgnoreCase)) return Blurred(photo);
        if (CssColor.TryParse(background, out var color)) return Solid(color, photo.Width, photo.Height);
        if (IsFile(background)) return Image(File.ReadAllBytes(background), photo.Width, photo.Height, options.MaxPixels);
        throw NotABackground(background);
    }

    static byte[] Solid(SKColor color, int width, int height)
    {
        var rgba = GC.AllocateUninitializedArray<byte>(width * height * 4);
        var pixel = (uint)(color.Red | color.Green << 8 | color.Blue << 16 | 0xff << 24);
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(rgba.AsSpan()).Fill(pixel);
        return rgba;
    }

    static byte[] Image(byte[] encoded, int width, int height, long maxPixels)
    {
        using var background = Photo.Decode(encoded, maxPixels);
        using var bitmap = background.ToBitmap();
        using var image = SKImage.FromBitmap(bitmap);
        var scale = Math.Max((float)width / background.Width, (float)height / background.Height);
        var (w, h) = (background.Width * scale, background.Height * scale);
        var destination = SKRect.Create((width - w) / 2, (height - h) / 2, w, h);
        return Draw(width, height, canvas =>
            canvas.DrawImage(image, destination, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)));
    }

    static byte[] Blurred(Photo photo)
    {
        using var bitmap = photo.ToBitmap();
        using var image = SKImage.FromBitmap(bitmap);
        var sigma = Math.Max(photo.Width, photo.Height) / 80f + 2f;
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma, SKShaderTileMode.Clamp) };
        return Draw(photo.Width, photo.Height, canvas => canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default, paint));
    }

    /// <summary>Draws over white and reads back opaque RGBA (premultiplied == straight when opaque).</summary>
    static byte[] Draw(int width, int height, Action<SKCanvas> draw)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            draw(canvas);
        }
        return bitmap.GetPixelSpan().ToArray();
    }
}
