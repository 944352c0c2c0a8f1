namespace Cutout;

/// <summary>
/// What a person sees in a cut-out and mean IoU at 0.5 does not: smudged background, translucent subject, an empty
/// result, and the alpha error along the edge. Definitions: docs/evaluation.md.
/// </summary>
public sealed record AlphaQuality(PixelShare Smudge, PixelShare Translucent, EdgeError Edge, bool Empty)
{
    /// <param name="truth">one byte per pixel, same size as the prediction; &gt; 127 is subject, soft values allowed.</param>
    public static AlphaQuality Compute(AlphaMatte prediction, ReadOnlySpan<byte> truth)
    {
        var regions = TruthRegions.Of(truth, prediction.Width, prediction.Height);
        return new AlphaQuality(Cutout.Smudge.Measure(prediction, regions), Translucency.Measure(prediction, regions),
            EdgeError.Measure(prediction, regions), EmptyCutout.Is(prediction, regions));
    }
}
