using SkiaSharp;
using Xunit;

namespace Cutout.Packaging.Tests;

/// <summary>Checks an output of the packaged code on the sample astronaut, decoded independently of the Cutout library.</summary>
public static class CutoutImage
{
    /// <summary>The astronaut's face is opaque; the backdrop in the top corners is (all but) transparent.</summary>
    public static void AssertAstronautCutOut(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        Assert.Equal((512, 512), (bitmap.Width, bitmap.Height));
        Assert.True(bitmap.GetPixel(224, 100).Alpha > 240, "the face should be opaque");
        Assert.True(bitmap.GetPixel(20, 20).Alpha < 16, "the top-left backdrop should be transparent");
        Assert.True(bitmap.GetPixel(480, 40).Alpha < 16, "the top-right backdrop should be transparent");
    }
}
