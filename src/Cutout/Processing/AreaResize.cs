namespace Cutout;

/// <summary>
/// Downscaling by area averaging (each output pixel is the coverage-weighted mean of the source pixels under it):
/// alias-free like a mipmap chain, but straight from the photo's bytes into planar floats, in two separable passes.
/// </summary>
static class AreaResize
{
    /// <summary>One output pixel's source span along an axis: first index and per-pixel weights (summing to 1).</summary>
    readonly record struct Taps(int First, float[] Weights);

    /// <param name="planes">Output: three planes (in <paramref name="order"/>) of width x height, values 0..255.</param>
    /// <param name="transform">Applied to each source channel value with its pixel's alpha, before averaging.</param>
    public static void Downscale(byte[] rgba, int sourceWidth, int sourceHeight, int width, int height,
                                 ReadOnlySpan<int> order, Span<float> planes, Func<byte, byte, float>? transform)
    {
        var columns = Axis(sourceWidth, width);
        var rowTaps = Axis(sourceHeight, height);
        var (c0, c1, c2) = (order[0], order[1], order[2]);
        var horizontal = new float[sourceHeight * width * 3];
        Parallel.For(0, sourceHeight, y =>
        {
            var row = rgba.AsSpan(y * sourceWidth * 4, sourceWidth * 4);
            var target = horizontal.AsSpan(y * width * 3, width * 3);
            for (var x = 0; x < width; x++)
            {
                var (first, weights) = columns[x];
                float r = 0, g = 0, b = 0;
                for (var k = 0; k < weights.Length; k++)
                {
                    var p = (first + k) * 4;
                    var w = weights[k];
                    if (transform is null)
                    {
                        r += w * row[p + c0];
                        g += w * row[p + c1];
                        b += w * row[p + c2];
                    }
                    else
                    {
                        r += w * transform(row[p + c0], row[p + 3]);
                        g += w * transform(row[p + c1], row[p + 3]);
                        b += w * transform(row[p + c2], row[p + 3]);
                    }
                }
                target[x * 3] = r;
                target[x * 3 + 1] = g;
                target[x * 3 + 2] = b;
            }
        });

        var plane = width * height;
        var result = new float[3 * plane];
        Parallel.For(0, height, y =>
        {
            var (first, weights) = rowTaps[y];
            var sums = new float[width * 3];
            for (var k = 0; k < weights.Length; k++)
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(
                    horizontal.AsSpan((first + k) * width * 3, width * 3), weights[k], sums, sums);
            for (var x = 0; x < width; x++)
            for (var c = 0; c < 3; c++)
                result[c * plane + y * width + x] = sums[x * 3 + c];
        });
        result.CopyTo(planes);
    }

    static Taps[] Axis(int sourceSize, int size)
    {
        var scale = (double)sourceSize / size;
        var taps = new Taps[size];
        for (var i = 0; i < size; i++)
        {
            double start = i * scale, end = (i + 1) * scale;
            var first = (int)Math.Floor(start);
            var last = Math.Min(sourceSize - 1, (int)Math.Ceiling(end) - 1);
            var weights = new float[last - first + 1];
            for (var s = first; s <= last; s++)
                weights[s - first] = (float)((Math.Min(end, s + 1) - Math.Max(start, s)) / scale);
            taps[i] = new Taps(first, weights);
        }
        return taps;
    }
}
