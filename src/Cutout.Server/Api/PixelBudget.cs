namespace Cutout.Server.Api;

/// <summary>
/// The pixel count of an upload, read from its header inside the inference gate (the header probe is decoder work):
/// beyond <c>MaxPixels</c> it is refused with the server's own words. The pixels-per-byte bound (MaxPixelsPerByte)
/// is the library's, through <see cref="RemoveOptions.MaxPixelsPerByte"/>.
/// </summary>
internal static class PixelBudget
{
    public static void Check(byte[] image, CutoutServerOptions limits)
    {
        var info = ImageProbe.Probe(image);
        var pixels = (long)info.Width * info.Height;
        if (pixels > limits.MaxPixels)
            throw new RequestRejectedException(413, "Image too large",
                $"The image is {info.Width} × {info.Height} pixels ({Sizes.Megapixels(pixels)}); " +
                $"this server accepts up to {Sizes.Megapixels(limits.MaxPixels)}. Please use a smaller image.");
    }
}
