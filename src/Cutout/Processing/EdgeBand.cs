namespace Cutout;

/// <summary>
/// The pixels within a radius of the matte's 0.5 contour: the only place where a soft alpha can be a real edge (hair,
/// motion blur, the upscaling's own ramp). Everywhere else the model is either sure or wrong in a way softness hides.
/// </summary>
public static class EdgeBand
{
    /// <summary>
    /// Twice the photo-to-model scale (the bilinear ramp of the upscaled matte spans about one model pixel, a soft model
    /// edge two), plus two photo pixels.
    /// </summary>
    public static int RadiusFor(int width, int height, ModelSpec spec) =>
        2 + (int)MathF.Ceiling(2 * MathF.Max((float)width / spec.Width, (float)height / spec.Height));

    public static bool[] Around(AlphaMatte matte, int radius)
    {
        var (w, h, v) = (matte.Width, matte.Height, matte.Values);
        var subject = new bool[v.Length];
        var background = new bool[v.Length];
        RowBands.For(h, (first, end) =>
        {
            for (var i = first * w; i < end * w; i++)
            {
                subject[i] = v[i] >= 0.5f;
                background[i] = !subject[i];
            }
        });
        var nearSubject = SquareDilation.Dilate(subject, w, h, radius);
        var nearBackground = SquareDilation.Dilate(background, w, h, radius);
        RowBands.For(h, (first, end) =>
        {
            for (var i = first * w; i < end * w; i++) nearSubject[i] &= nearBackground[i];
        });
        return nearSubject;
    }
}
