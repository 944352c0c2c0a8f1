using System.Numerics;

namespace Cutout;

/// <summary>
/// Learning-free matting in the edge band at full resolution. The trimap comes from the model's alpha: unknown are the
/// band's pixels where the model is unsure (alpha strictly between <see cref="Sure"/> and 1 − Sure); the rest is known
/// subject (≥ 0.5) or background. Each unknown pixel is explained as a mix of the nearby known subject colour F and
/// background colour B (<see cref="LocalColours"/>): alpha = (I − B)·(F − B) / |F − B|², trusted in proportion to how
/// different F and B are and to how well the pixel lies on the line between them (texture that fits neither keeps the
/// model's alpha). Unless raw alpha is asked for, the result is made steeper around 0.5 as clean alpha does (on objects/val
/// that lowered edge MAE below clean alpha's; unsteepened it stayed above). Then each unknown pixel's own subject colour is estimated — the colour that, mixed with B at that
/// alpha, gives the photo — so hair and fine edges stop carrying the old background's colour. Fully opaque pixels keep
/// the photo's own colour. Pixels the colour line pushed towards the background inside the subject, where no see-through
/// path joins them to it (<see cref="EnclosedHoles"/>), get the model's alpha back.
/// Cost: one pass over the photo, eight box filters on a coarse grid, and per-pixel work in the unknown region only.
/// </summary>
public static class EdgeMatting
{
    const float Sure = 0.02f;

    /// <summary>|F − B|² (colours 0..1) at which the colour estimate and the model's alpha weigh the same.</summary>
    const float Separation = 0.05f;

    /// <summary>Squared distance (colours 0..1) of the pixel from the F–B line at which the colour estimate loses half its weight.</summary>
    const float OffLine = 0.001f;

    /// <summary>Pull of the subject colour towards the local mean F; keeps it steady where alpha is small.</summary>
    const float ColourPrior = 0.05f;

    /// <summary>Changes the matte's values in place; returns it with the estimated subject colours attached.</summary>
    public static AlphaMatte Refine(Photo photo, AlphaMatte matte, bool[] band, int bandRadius, int subsample,
                                    bool clean = true)
    {
        var (w, h) = (photo.Width, photo.Height);
        var unknown = Unknown(matte, band);
        var colours = LocalColours.Estimate(photo, matte, unknown, subsample, 2 * bandRadius + 2);
        var alpha = matte.Values;
        var modelAlpha = new SparseValues(alpha, unknown);
        var foreground = (byte[])photo.Rgba.Clone();
        var rgba = photo.Rgba;
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++)
            for (var x = 0; x < w; x++)
            {
                var i = y * w + x;
                if (!unknown[i]) continue;
                if (!colours.TryRead(x, y, out var f, out var b))
                {
                    alpha[i] = clean ? AlphaSnap.Steepen(alpha[i]) : alpha[i];
                    continue;
                }
                var pixel = new Vector3(rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2]) / 255f;
                var mixed = Mix(pixel, f, b, alpha[i]);
                var a = alpha[i] = clean ? AlphaSnap.Steepen(mixed) : mixed;
                if (a is 0 or 1) continue;
                var subject = Vector3.Clamp((a * (pixel - (1 - a) * b) + ColourPrior * f) / (a * a + ColourPrior), Vector3.Zero, Vector3.One);
                foreground[i * 4] = (byte)MathF.Round(subject.X * 255);
                foreground[i * 4 + 1] = (byte)MathF.Round(subject.Y * 255);
                foreground[i * 4 + 2] = (byte)MathF.Round(subject.Z * 255);
            }
        });
        foreach (var i in EnclosedHoles.Find(alpha, pixel => modelAlpha[pixel], unknown, band, w, bandRadius))
        {
            alpha[i] = clean ? AlphaSnap.Steepen(modelAlpha[i]) : modelAlpha[i];
            Array.Copy(rgba, i * 4, foreground, i * 4, 3);
        }
        return new AlphaMatte(w, h, alpha) { ModelTime = matte.ModelTime, Foreground = foreground };
    }

    static bool[] Unknown(AlphaMatte matte, bool[] band)
    {
        var (w, v) = (matte.Width, matte.Values);
        var unknown = new bool[v.Length];
        RowBands.For(matte.Height, (first, end) =>
        {
            for (var i = first * w; i < end * w; i++) unknown[i] = band[i] && v[i] > Sure && v[i] < 1 - Sure;
        });
        return unknown;
    }

    /// <summary>The colour-line alpha, weighed against the model's by how far apart F and B are and how near the line the pixel is.</summary>
    static float Mix(Vector3 pixel, Vector3 f, Vector3 b, float modelAlpha)
    {
        var d = f - b;
        var separation = Vector3.Dot(d, d);
        var along = Vector3.Dot(pixel - b, d) / (separation + 1e-6f);
        var colourAlpha = Math.Clamp(along, 0f, 1f);
        var offLine = Vector3.DistanceSquared(pixel, b + colourAlpha * d);
        var trust = separation / (separation + Separation) * (OffLine / (OffLine + offLine));
        return trust * colourAlpha + (1 - trust) * modelAlpha;
    }
}
