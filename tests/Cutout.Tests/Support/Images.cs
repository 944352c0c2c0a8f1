using SkiaSharp;

namespace Cutout.Tests;

/// <summary>Real test photos and helpers to re-encode or inspect them.</summary>
public static class Images
{
    public static byte[] Astronaut => File.ReadAllBytes(TestPaths.Astronaut);

    public static Photo Decode(byte[] encoded) => Photo.Decode(encoded);

    public static byte[] Encode(Photo photo, SKEncodedImageFormat format, int quality = 100)
    {
        if (format == SKEncodedImageFormat.Bmp) return Bmp(photo);
        var info = new SKImageInfo(photo.Width, photo.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        photo.Rgba.AsSpan().CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }

    /// <summary>The photo drawn onto a larger white canvas at (left, top).</summary>
    public static Photo Padded(Photo photo, int width, int height, int left, int top)
    {
        var rgba = new byte[width * height * 4];
        Array.Fill(rgba, (byte)255);
        for (var y = 0; y < photo.Height; y++)
            photo.Rgba.AsSpan(y * photo.Width * 4, photo.Width * 4).CopyTo(rgba.AsSpan(((y + top) * width + left) * 4));
        return new Photo(width, height, rgba);
    }

    /// <summary>A white 256 x 256 page with grey-level squares painted in order: (left, top, side, grey value).</summary>
    public static Photo PageWithSquares(params (int X, int Y, int Size, byte Value)[] squares)
    {
        const int side = 256;
        var rgba = new byte[side * side * 4];
        Array.Fill(rgba, (byte)255);
        foreach (var (x0, y0, size, value) in squares)
            for (var y = y0; y < y0 + size; y++)
                for (var x = x0; x < x0 + size; x++)
                    rgba.AsSpan((y * side + x) * 4, 3).Fill(value);
        return new Photo(side, side, rgba);
    }

    public static (byte R, byte G, byte B, byte A) Pixel(Photo photo, int x, int y)
    {
        var i = (y * photo.Width + x) * 4;
        return (photo.Rgba[i], photo.Rgba[i + 1], photo.Rgba[i + 2], photo.Rgba[i + 3]);
    }

    /// <summary>24-bit bottom-up BMP (Skia has no BMP encoder).</summary>
    static byte[] Bmp(Photo photo)
    {
        var stride = (photo.Width * 3 + 3) & ~3;
        var bmp = new byte[54 + stride * photo.Height];
        void Int(int at, int value) => BitConverter.TryWriteBytes(bmp.AsSpan(at), value);
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        Int(2, bmp.Length);
        Int(10, 54);
        Int(14, 40);
        Int(18, photo.Width);
        Int(22, photo.Height);
        bmp[26] = 1;
        bmp[28] = 24;
        for (var y = 0; y < photo.Height; y++)
        for (var x = 0; x < photo.Width; x++)
        {
            var (r, g, b, _) = Pixel(photo, x, y);
            var at = 54 + (photo.Height - 1 - y) * stride + x * 3;
            (bmp[at], bmp[at + 1], bmp[at + 2]) = (b, g, r);
        }
        return bmp;
    }

    public static byte[] PngOf(Photo photo) => Encode(photo, SKEncodedImageFormat.Png);

    /// <summary>Mean alpha (0-255) over a box of an RGBA image <paramref name="width"/> pixels wide.</summary>
    public static double MeanAlpha(byte[] rgba, int width, SKRectI box)
    {
        long sum = 0;
        for (var y = box.Top; y < box.Bottom; y++)
            for (var x = box.Left; x < box.Right; x++)
                sum += rgba[(y * width + x) * 4 + 3];
        return (double)sum / (box.Width * box.Height);
    }

    /// <summary>The share of the box's pixels with alpha 128 or more (what a 0.5 threshold keeps).</summary>
    public static double OpaqueShare(byte[] rgba, int width, SKRectI box)
    {
        long kept = 0;
        for (var y = box.Top; y < box.Bottom; y++)
            for (var x = box.Left; x < box.Right; x++)
                if (rgba[(y * width + x) * 4 + 3] >= 128) kept++;
        return (double)kept / (box.Width * box.Height);
    }
}
