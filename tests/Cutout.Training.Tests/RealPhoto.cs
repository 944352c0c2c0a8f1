using Cutout.Tests;
using Cutout.Training.Data;
using SkiaSharp;

namespace Cutout.Training.Tests;

/// <summary>samples/astronaut.png (a real 512 x 512 photo in the repo) as a training sample with an empty mask.</summary>
internal static class RealPhoto
{
    public static SegmentationSample Astronaut()
    {
        using var bitmap = PairDecoder.DecodeFile(TestPaths.Astronaut, SKColorType.Rgba8888);
        var rgba = bitmap.GetPixelSpan();
        var rgb = new byte[bitmap.Width * bitmap.Height * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return new SegmentationSample("astronaut", bitmap.Width, bitmap.Height, rgb, new byte[bitmap.Width * bitmap.Height]);
    }

    /// <summary>The photo stretched to width x height, planar RGB 0..255 (the models' input layout).</summary>
    public static float[] AstronautPlanar(int width, int height)
    {
        var sample = Astronaut();
        var rgb = new float[3 * width * height];
        SampleResizer.Sample(sample, SampleResizer.Crop.Whole(sample), width, height, rgb, new float[width * height]);
        return rgb;
    }
}
