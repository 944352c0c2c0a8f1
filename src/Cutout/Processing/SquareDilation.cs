namespace Cutout;

/// <summary>Dilation of a binary mask by a (2r+1)^2 square (Chebyshev distance ≤ r), one axis at a time: O(pixels).</summary>
static class SquareDilation
{
    public static bool[] Dilate(bool[] mask, int w, int h, int radius)
    {
        var rows = new bool[mask.Length];
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++) Dilate1D(mask, rows, y * w, 1, w, radius);
        });
        var result = new bool[mask.Length];
        RowBands.For(w, (first, end) =>
        {
            for (var x = first; x < end; x++) Dilate1D(rows, result, x, w, h, radius);
        });
        return result;
    }

    static void Dilate1D(bool[] source, bool[] target, int start, int stride, int n, int radius)
    {
        var last = -radius - 1;
        for (var k = 0; k < n; k++)
        {
            if (source[start + k * stride]) last = k;
            target[start + k * stride] = k - last <= radius;
        }
        last = n + radius + 1;
        for (var k = n - 1; k >= 0; k--)
        {
            if (source[start + k * stride]) last = k;
            target[start + k * stride] |= last - k <= radius;
        }
    }
}
