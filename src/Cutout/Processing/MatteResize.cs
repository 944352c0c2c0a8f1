using System.Numerics.Tensors;

namespace Cutout;

/// <summary>Bilinear resampling of a float map (pixel centres aligned, edges clamped).</summary>
static class MatteResize
{
    /// <param name="into">where to write the width x height result (null: a new array).</param>
    public static float[] Bilinear(float[] source, int sourceWidth, int sourceHeight, int width, int height, float[]? into = null)
    {
        if (into is not null && into.Length != width * height)
            throw new ArgumentException($"{into.Length} values do not fit {width}x{height}.");
        var (x0, x1, wx) = Taps(sourceWidth, width);
        var rows = GC.AllocateUninitializedArray<float>(sourceHeight * width);
        RowBands.For(sourceHeight, (first, end) =>
        {
            for (var sy = first; sy < end; sy++)
            {
                var src = source.AsSpan(sy * sourceWidth, sourceWidth);
                var dst = rows.AsSpan(sy * width, width);
                for (var x = 0; x < width; x++)
                    dst[x] = src[x0[x]] + (src[x1[x]] - src[x0[x]]) * wx[x];
            }
        });

        var (y0, y1, wy) = Taps(sourceHeight, height);
        var result = into ?? new float[width * height];
        RowBands.For(height, (first, end) =>
        {
            for (var y = first; y < end; y++)
                TensorPrimitives.Lerp(rows.AsSpan(y0[y] * width, width), rows.AsSpan(y1[y] * width, width), wy[y],
                    result.AsSpan(y * width, width));
        });
        return result;
    }

    static (int[] Lo, int[] Hi, float[] Weight) Taps(int sourceSize, int size)
    {
        var lo = new int[size];
        var hi = new int[size];
        var weight = new float[size];
        var scale = (double)sourceSize / size;
        for (var i = 0; i < size; i++)
        {
            var s = Math.Clamp((i + 0.5) * scale - 0.5, 0, sourceSize - 1);
            lo[i] = (int)s;
            hi[i] = Math.Min(lo[i] + 1, sourceSize - 1);
            weight[i] = (float)(s - lo[i]);
        }
        return (lo, hi, weight);
    }
}
