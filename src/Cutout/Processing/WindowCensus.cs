namespace Cutout;

/// <summary>
/// For each pixel, whether the (2r+1)^2 window around it (clipped at the borders) holds no set pixel, some, or only
/// set pixels — the basis of dilation, of the band around an outline and of its inside and outside cores. Running sums
/// along rows, then down columns row by row (memory read in order): O(pixels) whatever the radius.
/// </summary>
static class WindowCensus
{
    public const byte None = 0, Mixed = 1, All = 2;

    public static byte[] Classify(bool[] mask, int w, int h, int radius)
    {
        var rowCounts = new ushort[mask.Length];
        RowBands.For(h, (first, end) =>
        {
            for (var y = first; y < end; y++) CountRow(mask.AsSpan(y * w, w), rowCounts.AsSpan(y * w, w), radius);
        });
        var census = new byte[mask.Length];
        RowBands.For(h, (first, end) => ClassifyRows(rowCounts, census, w, h, radius, first, end));
        return census;
    }

    static void CountRow(ReadOnlySpan<bool> row, Span<ushort> counts, int radius)
    {
        var n = row.Length;
        var sum = 0;
        for (var x = 0; x < Math.Min(radius, n); x++) if (row[x]) sum++;
        for (var x = 0; x < n; x++)
        {
            if (x + radius < n && row[x + radius]) sum++;
            if (x - radius - 1 >= 0 && row[x - radius - 1]) sum--;
            counts[x] = (ushort)sum;
        }
    }

    static void ClassifyRows(ushort[] rowCounts, byte[] census, int w, int h, int radius, int first, int end)
    {
        var sums = new int[w];
        var widths = new int[w];
        for (var x = 0; x < w; x++) widths[x] = Math.Min(x + radius, w - 1) - Math.Max(x - radius, 0) + 1;
        for (var y = Math.Max(0, first - radius - 1); y < Math.Min(h, first + radius); y++) Add(y, 1);
        for (var y = first; y < end; y++)
        {
            if (y + radius < h) Add(y + radius, 1);
            if (y - radius - 1 >= 0) Add(y - radius - 1, -1);
            var height = Math.Min(y + radius, h - 1) - Math.Max(y - radius, 0) + 1;
            var target = census.AsSpan(y * w, w);
            for (var x = 0; x < w; x++)
                target[x] = sums[x] == 0 ? None : sums[x] == widths[x] * height ? All : Mixed;
        }

        void Add(int row, int sign)
        {
            var counts = rowCounts.AsSpan(row * w, w);
            for (var x = 0; x < w; x++) sums[x] += sign * counts[x];
        }
    }
}
