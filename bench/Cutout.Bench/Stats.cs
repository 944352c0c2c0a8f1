namespace Cutout.Bench;

/// <summary>Order statistics of a sample of durations in milliseconds.</summary>
sealed record Stats(int Count, double Min, double Median, double P90, double P99, double Max, double Mean)
{
    public static Stats Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return new Stats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        return new Stats(sorted.Length, sorted[0], Quantile(sorted, 0.5), Quantile(sorted, 0.9), Quantile(sorted, 0.99),
            sorted[^1], sorted.Average());
    }

    /// <summary>Linear interpolation between closest ranks (type 7).</summary>
    static double Quantile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
