namespace Cutout;

/// <summary>Absolute alpha error within the edge band, against the mask's own (soft where annotated so) alpha.</summary>
public readonly record struct EdgeError(double AbsoluteSum, long Pixels)
{
    public double Mae => Pixels == 0 ? 0 : AbsoluteSum / Pixels;

    public static EdgeError operator +(EdgeError a, EdgeError b) => new(a.AbsoluteSum + b.AbsoluteSum, a.Pixels + b.Pixels);

    public static EdgeError Measure(AlphaMatte prediction, TruthRegions truth)
    {
        double sum = 0;
        long pixels = 0;
        for (var i = 0; i < truth.Regions.Length; i++)
        {
            if (truth.Regions[i] != TruthRegions.Kind.Edge) continue;
            pixels++;
            sum += Math.Abs(EightBit.Alpha(prediction.Values[i]) - truth.Alpha[i]);
        }
        return new EdgeError(sum, pixels);
    }
}
