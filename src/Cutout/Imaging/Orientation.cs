using System.Runtime.InteropServices;
using SkiaSharp;

namespace Cutout;

/// <summary>Applies an EXIF orientation by remapping pixels (exact: no resampling, no premultiplication).</summary>
static class Orientation
{
    public static bool SwapsAxes(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Returns upright RGBA pixels for pixels stored as <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] Apply(byte[] storedRgba, int width, int height, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or 0) return storedRgba;
        var (outW, outH) = SwapsAxes(origin) ? (height, width) : (width, height);
        var uprightRgba = GC.AllocateUninitializedArray<byte>(storedRgba.Length);
        var stored = MemoryMarshal.Cast<byte, uint>(storedRgba);
        var upright = MemoryMarshal.Cast<byte, uint>(uprightRgba.AsSpan());
        for (var y = 0; y < outH; y++)
        for (var x = 0; x < outW; x++)
        {
            var (sx, sy) = Source(origin, x, y, width, height);
            upright[y * outW + x] = stored[sy * width + sx];
        }
        return uprightRgba;
    }

    // (x, y) in the upright image -> position in the stored image.
    static (int X, int Y) Source(SKEncodedOrigin origin, int x, int y, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => (w - 1 - x, y),
        SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y),
        SKEncodedOrigin.BottomLeft => (x, h - 1 - y),
        SKEncodedOrigin.LeftTop => (y, x),
        SKEncodedOrigin.RightTop => (y, h - 1 - x),
        SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x),
        SKEncodedOrigin.LeftBottom => (w - 1 - y, x),
        _ => (x, y),
    };
}
