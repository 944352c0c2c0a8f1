using System.Net.Http.Headers;
using Cutout.Tests;
using SkiaSharp;

namespace Cutout.Server.Tests.Infrastructure;

public static class Images
{
    public static byte[] Astronaut { get; } = File.ReadAllBytes(TestPaths.Astronaut);

    /// <summary>The astronaut (512 x 512) in the middle of a 1000 x 560 grey wall, so cropping has room to act.</summary>
    public static byte[] AstronautOnAWideWall { get; } = OnWall(Astronaut, 1000, 560);

    /// <summary>A PNG whose header is fine but whose pixel data is garbage.</summary>
    public static byte[] Damaged { get; } = Damage(Astronaut);

    static byte[] OnWall(byte[] image, int width, int height)
    {
        using var photo = Decode(image);
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xC8, 0xC8, 0xCC));
            canvas.DrawBitmap(photo, (width - photo.Width) / 2f, height - photo.Height);
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static byte[] Damage(byte[] png)
    {
        var copy = png.ToArray();
        for (var i = 6000; i < copy.Length - 200; i++) copy[i] = (byte)(i * 31);   // from inside the first IDAT chunk
        return copy;
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
