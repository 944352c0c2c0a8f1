namespace Cutout;

/// <summary>How much of a frame a matte calls subject: the share of pixels at alpha 0.5 or more.</summary>
public static class SubjectCoverage
{
    /// <summary>Below this share (0.1 % of the pixels) a cut-out counts as empty: nothing a person would call a subject.</summary>
    public const double MinSubjectShare = 0.001;

    public static double Share(ReadOnlySpan<float> alpha)
    {
        if (alpha.IsEmpty) return 0;
        int count = 0;
        foreach (var a in alpha)
            if (a >= 0.5f) count++;
        return (double)count / alpha.Length;
    }

    public static bool Found(AlphaMatte matte) => Share(matte.Values) >= MinSubjectShare;
}
