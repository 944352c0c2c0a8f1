using System.Numerics.Tensors;

namespace Cutout;

/// <summary>
/// Edge-aware refinement of an upscaled matte (He et al., guided image filter) with the photo's luminance as guide:
/// where the photo has an edge the matte follows it, flat areas of the matte stay flat. Linear in pixels.
/// </summary>
public static class GuidedFilter
{
    public static AlphaMatte Refine(Photo photo, AlphaMatte matte, int radius, float epsilon = 1e-3f)
    {
        var (w, h) = (photo.Width, photo.Height);
        var guide = Luminance(photo);
        var p = matte.Values;

        var meanI = BoxFilter.Mean(guide, w, h, radius);
        var meanP = BoxFilter.Mean(p, w, h, radius);
        var product = new float[guide.Length];
        TensorPrimitives.Multiply(guide, guide, product);
        var varI = BoxFilter.Mean(product, w, h, radius);
        TensorPrimitives.Multiply(guide, p, product);
        var covIp = BoxFilter.Mean(product, w, h, radius);

        // var = E[I^2] - E[I]^2, cov = E[Ip] - E[I]E[p]; a = cov / (var + eps), b = E[p] - a E[I]
        TensorPrimitives.Multiply(meanI, meanI, product);
        TensorPrimitives.Subtract(varI, product, varI);
        TensorPrimitives.Multiply(meanI, meanP, product);
        TensorPrimitives.Subtract(covIp, product, covIp);
        TensorPrimitives.Add(varI, epsilon, varI);
        var a = covIp;
        TensorPrimitives.Divide(covIp, varI, a);
        var b = meanP;
        TensorPrimitives.Multiply(a, meanI, product);
        TensorPrimitives.Subtract(meanP, product, b);

        var meanA = BoxFilter.Mean(a, w, h, radius);
        var meanB = BoxFilter.Mean(b, w, h, radius);
        var q = meanA;
        TensorPrimitives.FusedMultiplyAdd(meanA, guide, meanB, q);
        TensorPrimitives.Clamp(q, 0f, 1f, q);
        return new AlphaMatte(w, h, q) { ModelTime = matte.ModelTime };
    }

    /// <summary>A radius that covers about two pixels of the model's grid at full resolution.</summary>
    public static int RadiusFor(int width, int height, ModelSpec spec) =>
        Math.Clamp((int)MathF.Round(2f * MathF.Max((float)width / spec.Width, (float)height / spec.Height)), 2, 64);

    static float[] Luminance(Photo photo)
    {
        var rgba = photo.Rgba;
        var y = new float[photo.PixelCount];
        for (int i = 0, j = 0; i < y.Length; i++, j += 4)
            y[i] = (0.299f * rgba[j] + 0.587f * rgba[j + 1] + 0.114f * rgba[j + 2]) * (1f / 255f);
        return y;
    }
}
