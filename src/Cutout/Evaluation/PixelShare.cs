namespace Cutout;

/// <summary>How many of a set of pixels have some property; shares pool by adding counts.</summary>
public readonly record struct PixelShare(long Count, long Total)
{
    public double Share => Total == 0 ? 0 : (double)Count / Total;

    public static PixelShare operator +(PixelShare a, PixelShare b) => new(a.Count + b.Count, a.Total + b.Total);
}
