namespace Cutout;

/// <summary>The post-processing steps on a full-resolution matte, in their fixed order.</summary>
public static class MattePipeline
{
    public static AlphaMatte Apply(Photo photo, AlphaMatte matte, RemoveOptions options, ModelSpec spec)
    {
        if (options.Refine || !options.RawAlpha)
        {
            var radius = EdgeBand.RadiusFor(photo.Width, photo.Height, spec);
            var grid = EdgeBand.GridFor(photo.Width, photo.Height, spec);
            var band = EdgeBand.Around(matte, radius, grid);
            if (options.Refine)
                matte = EdgeMatting.Refine(photo, matte, band, radius, grid, clean: !options.RawAlpha);
            if (!options.RawAlpha)
                AlphaSnap.Apply(photo, matte, band, steepenBand: !options.Refine);
        }
        if (options.Threshold is { } t)
            MatteCleanup.Threshold(matte, t);
        if (options.CleanArea > 0)
            MatteCleanup.RemoveSmallRegions(matte, options.CleanArea);
        return matte;
    }
}
