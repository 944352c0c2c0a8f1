using System.Net.Http.Headers;
using Cutout.Tests;
using SkiaSharp;

namespace Cutout.Server.Tests.Infrastructure;

public static class Images
{
    public static byte[] Astronaut { get; } = File.ReadAllBytes(TestPaths.Astronaut);

    /// <summary>A PNG whose header is fine but whose pixel data is garbage.</summary>
    public static byte[] Damaged { get; } = Damage(Astronaut);

    static byte[] Damage(byte[] png)
    {
        var copy = png.ToArray();
        for (var i = 6000; i < copy.Length - 200; i++) copy[i] = (byte)(i * 31);   // from inside the first IDAT chunk
        return copy;
    }

    /// <summary>A black rectangle [left, right) x [top, bottom) on a light grey wall.</summary>
    public static byte[] RectangleOnAWall(int width, int height, int left, int top, int right, int bottom)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xE0, 0xE0, 0xE0));
            using var paint = new SKPaint { Color = SKColors.Black };
            canvas.DrawRect(SKRect.Create(left, top, right - left, bottom - top), paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A plain PNG of the given size (a grey square on white).</summary>
    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.Gray };
            canvas.DrawRect(width / 4f, height / 4f, width / 2f, height / 2f, paint);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>A PNG of random opaque pixels: it does not compress, so the upload is about 3 bytes per pixel.</summary>
    public static byte[] NoisePng(int width, int height, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var pixels = bitmap.GetPixelSpan();
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4) pixels[i] = 255;
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static SKBitmap Decode(byte[] encoded) =>
        SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("the answer is not a decodable image");

    public static MultipartFormDataContent Form(byte[] image, string fileName = "astronaut.png", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(image);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    public static ByteArrayContent Raw(byte[] image, string contentType = "image/png")
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return content;
    }
}
