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
        2 + (int)MathF.Ceiling(2 * Scale(width, height, spec));

    /// <summary>
    /// Cell size of the grid the band is found on: half the photo-to-model scale, rounded up. The matte is a smooth
    /// upscale of the model's output, so sampling it about twice per model pixel loses no outline, and a 12 MP photo costs
    /// a 0.3 MP census. Rounded up, a 1 MP photo gets 2 px cells from a 384 px model as from a 320 px one (rounded, 1 px
    /// cells tripled the time of `--refine`).
    /// </summary>
    public static int GridFor(int width, int height, ModelSpec spec) =>
        Math.Max(1, (int)MathF.Ceiling(0.5f * Scale(width, height, spec)));

    static float Scale(int width, int height, ModelSpec spec) =>
        MathF.Max((float)width / spec.Width, (float)height / spec.Height);

    /// <param name="grid">Cell size in pixels: 1 decides every pixel; larger cells sample the matte at their centres.</param>
    public static bool[] Around(AlphaMatte matte, int radius, int grid = 1)
    {
        var (w, h, v) = (matte.Width, matte.Height, matte.Values);
        var s = Math.Max(1, grid);
        var (gw, gh) = ((w + s - 1) / s, (h + s - 1) / s);
        var subject = new bool[gw * gh];
        RowBands.For(gh, (first, end) =>
        {
            for (var gy = first; gy < end; gy++)
            {
                var row = Math.Min(h - 1, gy * s + s / 2) * w;
                for (var gx = 0; gx < gw; gx++) subject[gy * gw + gx] = v[row + Math.Min(w - 1, gx * s + s / 2)] >= 0.5f;
            }
        });
        var census = WindowCensus.Classify(subject, gw, gh, (radius + s - 1) / s);
        var band = new bool[v.Length];
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++)
            {
                var cells = census.AsSpan(y / s * gw, gw);
                var target = band.AsSpan(y * w, w);
                for (var x = 0; x < w; x++) target[x] = cells[x / s] == WindowCensus.Mixed;
            }
        });
        return band;
    }
}
