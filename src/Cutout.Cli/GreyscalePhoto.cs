namespace Cutout.Cli;

/// <summary>`cutout eval --greyscale`: the photo as a greyscale picture would reach the model (Rec. 601 luma in R, G and B).</summary>
static class GreyscalePhoto
{
    public static void Convert(Photo photo)
    {
        var rgba = photo.Rgba;
        for (var i = 0; i < rgba.Length; i += 4)
        {
            var luma = (byte)Math.Round(0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2]);
            rgba[i] = rgba[i + 1] = rgba[i + 2] = luma;
        }
    }
}
