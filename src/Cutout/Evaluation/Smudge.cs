namespace Cutout;

/// <summary>Core background pixels whose 8-bit alpha is above 0.02: grey veils on a colour background or in a JPEG.</summary>
public static class Smudge
{
    public const float MaxAlpha = 0.02f;

    public static PixelShare Measure(AlphaMatte prediction, TruthRegions truth) =>
        CoreCount.Where(prediction, truth, TruthRegions.Kind.Background, a => a > MaxAlpha);
}
