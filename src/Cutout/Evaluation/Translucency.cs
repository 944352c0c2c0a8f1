namespace Cutout;

/// <summary>Core subject pixels whose 8-bit alpha is below 0.9: see-through faces, shirts, hands.</summary>
public static class Translucency
{
    public const float MinAlpha = 0.9f;

    public static PixelShare Measure(AlphaMatte prediction, TruthRegions truth) =>
        CoreCount.Where(prediction, truth, TruthRegions.Kind.Subject, a => a < MinAlpha);
}
