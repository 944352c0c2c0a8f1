using System.Numerics.Tensors;

namespace Cutout;

/// <summary>Mean over a (2r+1)^2 window, windows clipped at the borders; O(pixels) whatever the radius.</summary>
static class BoxFilter
{
    public static float[] Mean(float[] source, int width, int height, int radius)
    {
        var horizontal = new float[source.Length];
        RowBands.For(height, (first, end) =>
        {
            for (var y = first; y < end; y++)
                MeanRow(source.AsSpan(y * width, width), horizontal.AsSpan(y * width, width), radius);
        });
        var output = new float[source.Length];
        // Columns are independent: each band of columns runs its own vertical running sum.
        RowBands.For(width, (left, right) => MeanColumns(horizontal, output, width, height, radius, left, right - left));
        return output;
    }

    static void MeanRow(ReadOnlySpan<float> row, Span<float> output, int radius)
    {
        var n = row.Length;
        if (n <= 2 * radius + 1)
        {
            MeanRowClipped(row, output, radius, 0, n);
            return;
        }
        MeanRowClipped(row, output, radius, 0, radius + 1);
        // Interior: the window is whole, so one add of (entering - leaving) and one multiply per pixel.
        double sum = 0;
        for (var x = 0; x <= 2 * radius; x++) sum += row[x];
        var scale = 1.0 / (2 * radius + 1);
        output[radius] = (float)(sum * scale);
        for (var x = radius + 1; x < n - radius; x++)
        {
            sum += row[x + radius] - row[x - radius - 1];
            output[x] = (float)(sum * scale);
        }
        MeanRowClipped(row, output, radius, n - radius, n);
    }

    /// <summary>Pixels [from, to) whose windows are clipped by a border, summed directly.</summary>
    static void MeanRowClipped(ReadOnlySpan<float> row, Span<float> output, int radius, int from, int to)
    {
        for (var x = from; x < to; x++)
        {
            var (lo, hi) = (Math.Max(x - radius, 0), Math.Min(x + radius, row.Length - 1));
            double sum = 0;
            for (var i = lo; i <= hi; i++) sum += row[i];
            output[x] = (float)(sum / (hi - lo + 1));
        }
    }

    static void MeanColumns(float[] source, float[] output, int width, int height, int radius, int left, int count)
    {
        var sum = new float[count];
        Span<float> Row(float[] plane, int y) => plane.AsSpan(y * width + left, count);
        for (var y = 0; y <= Math.Min(radius, height - 1); y++)
            TensorPrimitives.Add(sum, Row(source, y), sum);
        for (var y = 0; y < height; y++)
        {
            var window = Math.Min(y + radius, height - 1) - Math.Max(y - radius, 0) + 1;
            TensorPrimitives.Multiply(sum, 1f / window, Row(output, y));
            if (y + radius + 1 < height) TensorPrimitives.Add(sum, Row(source, y + radius + 1), sum);
            if (y - radius >= 0) TensorPrimitives.Subtract(sum, Row(source, y - radius), sum);
        }
    }
}
