namespace Cutout;

/// <summary>Runs a per-row loop in parallel, one contiguous band of rows per core (bands too small to pay off are merged).</summary>
static class RowBands
{
    const int MinRowsPerBand = 32;

    /// <param name="body">Called with [first, end) row ranges that together cover [0, rows) once.</param>
    public static void For(int rows, Action<int, int> body)
    {
        var bands = Math.Clamp(rows / MinRowsPerBand, 1, Environment.ProcessorCount);
        if (bands == 1)
        {
            body(0, rows);
            return;
        }
        Parallel.For(0, bands, b => body(rows * b / bands, rows * (b + 1) / bands));
    }
}
