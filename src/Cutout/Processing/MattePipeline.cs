namespace Cutout;

/// <summary>The optional post-processing steps on a full-resolution matte, in their fixed order.</summary>
public static class MattePipeline
{
    public static AlphaMatte Apply(Photo photo, AlphaMatte matte, RemoveOptions options, ModelSpec spec)
    {
        if (options.Refine)
            matte = GuidedFilter.Refine(photo, matte, GuidedFilter.SubsampleFor(photo.Width, photo.Height, spec));
        if (options.Threshold is { } t)
            MatteCleanup.Threshold(matte, t);
        if (options.CleanArea > 0)
            MatteCleanup.RemoveSmallRegions(matte, options.CleanArea);
        return matte;
    }
}
