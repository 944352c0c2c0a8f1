namespace Cutout;

/// <summary>The mask has a subject but no output pixel reaches alpha 0.5: the user gets an empty picture.</summary>
public static class EmptyCutout
{
    public const float Visible = 0.5f;

    public static bool Is(AlphaMatte prediction, TruthRegions truth) =>
        truth.HasSubject && !prediction.Values.Any(a => EightBit.Alpha(a) >= Visible);
}
