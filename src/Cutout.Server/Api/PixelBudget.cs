namespace Cutout.Server.Api;

/// <summary>
/// The pixels an upload may ask the server to work on, read from its header: at most <c>MaxPixels</c>, and beyond
/// <see cref="FreePixels"/> at most <c>MaxPixelsPerByte</c> per byte of the file, so that a small file cannot claim
/// work that only a large one honestly holds (a 1 KB RLE BMP or a 47 KB blank PNG declaring 49 MP).
/// </summary>
internal static class PixelBudget
{
    /// <summary>Up to this many pixels any file size is fine: a flat 4 MP graphic is cheap whatever it claims.</summary>
    public const long FreePixels = 4_000_000;

    public static void Check(byte[] image, CutoutServerOptions limits)
    {
        var info = ImageProbe.Probe(image);
        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxPixels)
            throw new RequestRejectedException(413, "Image too large",
                $"The image is {info.Width} × {info.Height} pixels ({Sizes.Megapixels(pixels)}); " +
                $"this server accepts up to {Sizes.Megapixels(limits.MaxPixels)}. Please use a smaller image.");
        if (pixels > FreePixels && pixels > limits.MaxPixelsPerByte * image.LongLength)
            throw new RequestRejectedException(413, "Image too large for its file",
                $"The {Sizes.Bytes(image.LongLength)} file declares {info.Width} × {info.Height} pixels " +
                $"({Sizes.Megapixels(pixels)}); above {Sizes.Megapixels(FreePixels)} this server accepts at most " +
                $"{limits.MaxPixelsPerByte} pixels per byte of the file, which no photo comes near.");
    }
}
