using System.Numerics.Tensors;

namespace Cutout;

/// <summary>Mean over a (2r+1)^2 window, windows clipped at the borders; O(pixels) whatever the radius.</summary>
static class BoxFilter
{
    public static float[] Mean(float[] source, int width, int height, int radius)
    {
        var horizontal = new float[source.Length];
        for (var y = 0; y < height; y++)
            MeanRow(source.AsSpan(y * width, width), horizontal.AsSpan(y * width, width), radius);
        return MeanColumns(horizontal, width, height, radius);
    }

    static void MeanRow(ReadOnlySpan<float> row, Span<float> output, int radius)
    {
        var n = row.Length;
        double sum = 0;
        for (var x = 0; x <= Math.Min(radius, n - 1); x++) sum += row[x];
        for (var x = 0; x < n; x++)
        {
            var count = Math.Min(x + radius, n - 1) - Math.Max(x - radius, 0) + 1;
            output[x] = (float)(sum / count);
            if (x + radius + 1 < n) sum += row[x + radius + 1];
            if (x - radius >= 0) sum -= row[x - radius];
        }
    }

    static float[] MeanColumns(float[] source, int width, int height, int radius)
    {
        var output = new float[source.Length];
        var sum = new float[width];
        for (var y = 0; y <= Math.Min(radius, height - 1); y++)
            TensorPrimitives.Add(sum, source.AsSpan(y * width, width), sum);
        for (var y = 0; y < height; y++)
        {
            var count = Math.Min(y + radius, height - 1) - Math.Max(y - radius, 0) + 1;
            TensorPrimitives.Multiply(sum, 1f / count, output.AsSpan(y * width, width));
            if (y + radius + 1 < height) TensorPrimitives.Add(sum, source.AsSpan((y + radius + 1) * width, width), sum);
            if (y - radius >= 0) TensorPrimitives.Subtract(sum, source.AsSpan((y - radius) * width, width), sum);
        }
        return output;
    }
}
