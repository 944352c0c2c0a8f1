using SkiaSharp;

namespace Cutout;

/// <summary>A decoded photo: straight (unpremultiplied) RGBA8, row-major, EXIF orientation applied.</summary>
public sealed class Photo : IDisposable
{
    public const long DefaultMaxPixels = 100_000_000;

    /// <summary>Up to this many pixels a file of any size may declare; beyond, maxPixelsPerByte applies.</summary>
    public const long FreePixels = 4_000_000;

    public int Width { get; }
    public int Height { get; }

    /// <summary>RGBA bytes, 4 per pixel, rows of Width * 4 bytes.</summary>
    public byte[] Rgba { get; private set; }

    public bool HasTransparency { get; }

    public Photo(int width, int height, byte[] rgba)
    {
        if (width <= 0 || height <= 0 || rgba.Length != (long)width * height * 4)
            throw new ArgumentException($"RGBA buffer of {rgba.Length} bytes does not fit {width}x{height}.");
        Width = width;
        Height = height;
        Rgba = rgba;
        HasTransparency = AnyTransparent(rgba);
    }

    public int PixelCount => Width * Height;

    /// <param name="maxPixelsPerByte">beyond <see cref="FreePixels"/>, most pixels per byte of <paramref name="encoded"/> (0 = off).</param>
    public static Photo Decode(ReadOnlySpan<byte> encoded, long maxPixels = DefaultMaxPixels, long maxPixelsPerByte = 0)
    {
        using var data = SKData.CreateCopy(encoded);
        using var codec = ImageProbe.OpenCodec(data, out var scan);
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if ((long)w * h > maxPixels)
            throw new CutoutException(CutoutErrorKind.TooLarge,
                $"The image is {w}x{h} ({(long)w * h:N0} pixels); the limit is {maxPixels:N0} pixels.");
        if ((long)w * h * 4 > Array.MaxLength)
            throw new CutoutException(CutoutErrorKind.TooLarge, $"The image is {w}x{h}: too large to hold in memory.");
        if (scan.PixelDataTooShort)
            throw new CutoutException(CutoutErrorKind.BadImage,
                $"The image file is truncated: its data is too short for the {w}x{h} pixels its header declares.");
        if (maxPixelsPerByte > 0 && (long)w * h > FreePixels && (long)w * h > maxPixelsPerByte * encoded.Length)
            throw new CutoutException(CutoutErrorKind.TooLarge,
                $"The {encoded.Length:N0}-byte file declares {w}x{h} ({(long)w * h:N0} pixels): more than {maxPixelsPerByte} pixels " +
                $"per byte of the file, which no photo comes near; the limit applies above {FreePixels:N0} pixels.");

        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var pixels = new byte[(long)w * h * 4];
        var result = codec.GetPixels(info, pixels);
        // Truncated files are refused, not half-filled: a few bytes claiming megapixels would otherwise be processed in full.
        if (result == SKCodecResult.IncompleteInput)
            throw new CutoutException(CutoutErrorKind.BadImage, "The image file is truncated: its pixel data ends early.");
        if (result != SKCodecResult.Success)
            throw new CutoutException(CutoutErrorKind.BadImage, $"The image could not be decoded ({result}).");

        var upright = Orientation.Apply(pixels, w, h, codec.EncodedOrigin);
        var (uw, uh) = ImageProbe.OrientedSize(codec);
        return new Photo(uw, uh, upright);
    }

    /// <summary>A view of the pixels for Skia; valid while this photo lives.</summary>
    internal SKBitmap ToBitmap()
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Rgba.AsSpan().CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }

    // Read as little-endian 32-bit pixels, alpha is the top byte: every pixel is opaque when the smallest is 0xFF000000 or more.
    static bool AnyTransparent(byte[] rgba) =>
        rgba.Length > 0 && System.Numerics.Tensors.TensorPrimitives.Min<uint>(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(rgba)) < 0xFF000000u;

    public void Dispose() => Rgba = [];
}
