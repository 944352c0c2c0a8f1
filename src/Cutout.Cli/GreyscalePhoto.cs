using Cutout.Video;

namespace Cutout.Cli;

/// <summary>`cutout eval --greyscale`: the photo as a greyscale picture would reach the model (its luma in R, G and B).</summary>
static class GreyscalePhoto
{
    public static void Convert(Photo photo)
    {
        var rgba = photo.Rgba;
        var luma = FrameLuma.Of(rgba);
        for (int i = 0, j = 0; i < luma.Length; i++, j += 4)
            rgba[j] = rgba[j + 1] = rgba[j + 2] = luma[i];
    }
}
