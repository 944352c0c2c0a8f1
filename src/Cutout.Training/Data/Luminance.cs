namespace Cutout.Training.Data;

/// <summary>Rec. 601 luma of planar RGB 0..255 pixels.</summary>
public static class Luminance
{
    public static float At(ReadOnlySpan<float> rgb, int i, int plane) => 0.299f * rgb[i] + 0.587f * rgb[plane + i] + 0.114f * rgb[2 * plane + i];

    public static float Mean(ReadOnlySpan<float> rgb, int plane)
    {
        float sum = 0;
        for (int i = 0; i < plane; i++) sum += At(rgb, i, plane);
        return sum / plane;
    }
}
