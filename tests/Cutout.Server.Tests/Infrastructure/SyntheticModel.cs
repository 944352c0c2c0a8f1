using Cutout.Server.Models;
using SkiaSharp;

namespace Cutout.Server.Tests.Infrastructure;

/// <summary>A stand-in model: keeps a centred ellipse (35% x 45% radii) opaque and clears the rest. PNG only.</summary>
public sealed class SyntheticModel : IRemovalModel
{
    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options)
    {
        using var source = SKBitmap.Decode(encodedImage.ToArray())
            ?? throw new CutoutException(CutoutErrorKind.BadImage, "The image could not be decoded.");
        var info = new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var output = new SKBitmap(info);
        using (var canvas = new SKCanvas(output))
        {
            canvas.Clear(SKColors.Transparent);
            using var oval = new SKRoundRect();
            oval.SetOval(SKRect.Create(source.Width * 0.15f, source.Height * 0.05f, source.Width * 0.7f, source.Height * 0.9f));
            canvas.ClipRoundRect(oval, antialias: true);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, 0, 0, SKSamplingOptions.Default);
        }
        using var data = output.Encode(SKEncodedImageFormat.Png, 100);
        return new RemovalResult(data.ToArray(), "image/png", ".png", source.Width, source.Height, TimeSpan.Zero, TimeSpan.Zero);
    }

    public void Dispose() { }
}
