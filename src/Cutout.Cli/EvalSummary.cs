using System.Text.Json.Serialization;

namespace Cutout.Cli;

sealed record LatencyStats(
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("p95")] double P95)
{
    public static LatencyStats Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return new LatencyStats(Math.Round(Percentile(sorted, 0.5), 1), Math.Round(Percentile(sorted, 0.95), 1));
    }

    static double Percentile(double[] sorted, double q)
    {
        if (sorted.Length == 0) return 0;
        var position = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
    }
}

/// <summary>Latency: the top-level median/p95 are end-to-end (read, decode, model, full-size matte, encode).</summary>
sealed record Latency(
    [property: JsonPropertyName("median")] double Median,
    [property: JsonPropertyName("p95")] double P95,
    [property: JsonPropertyName("model")] LatencyStats Model,
    [property: JsonPropertyName("end_to_end")] LatencyStats EndToEnd);

/// <summary>The figures `cutout eval` reports, for all images and for each file-name prefix.</summary>
sealed record EvalFigures(
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("mean_iou")] double MeanIou,
    [property: JsonPropertyName("dataset_iou")] double DatasetIou,
    [property: JsonPropertyName("mean_dice")] double MeanDice,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("boundary_f")] double BoundaryF,
    [property: JsonPropertyName("smudge")] double Smudge,
    [property: JsonPropertyName("translucent")] double Translucent,
    [property: JsonPropertyName("empty")] int Empty,
    [property: JsonPropertyName("edge_mae")] double EdgeMae,
    [property: JsonPropertyName("latency_ms")] Latency LatencyMs)
{
    /// <summary>Smudge, translucent and edge MAE pool the pixels of all images (docs/evaluation.md); the rest are means per image.</summary>
    public static EvalFigures Of(IReadOnlyCollection<EvalSample> samples)
    {
        var model = LatencyStats.Of(samples.Select(s => s.ModelMs));
        var total = LatencyStats.Of(samples.Select(s => s.TotalMs));
        var union = samples.Sum(s => s.Score.Union);
        return new EvalFigures(
            samples.Count,
            Round(samples.Average(s => s.Score.Iou)),
            Round(union == 0 ? 1 : (double)samples.Sum(s => s.Score.Intersection) / union),
            Round(samples.Average(s => s.Score.Dice)),
            Round(samples.Average(s => s.Score.Mae)),
            Round(samples.Average(s => s.Score.BoundaryF)),
            Round(samples.Aggregate(new PixelShare(), (sum, s) => sum + s.Quality.Smudge).Share, 5),
            Round(samples.Aggregate(new PixelShare(), (sum, s) => sum + s.Quality.Translucent).Share, 5),
            samples.Count(s => s.Quality.Empty),
            Round(samples.Aggregate(new EdgeError(), (sum, s) => sum + s.Quality.Edge).Mae),
            new Latency(total.Median, total.P95, model, total));
    }

    static double Round(double value, int digits = 4) => Math.Round(value, digits);
}

sealed record PerImage(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("iou")] double Iou,
    [property: JsonPropertyName("dice")] double Dice,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("boundary_f")] double BoundaryF,
    [property: JsonPropertyName("smudge")] double Smudge,
    [property: JsonPropertyName("translucent")] double Translucent,
    [property: JsonPropertyName("empty")] bool Empty,
    [property: JsonPropertyName("edge_mae")] double EdgeMae,
    [property: JsonPropertyName("model_ms")] double ModelMs,
    [property: JsonPropertyName("total_ms")] double TotalMs);

sealed record EvalReport(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("model_name")] string ModelName,
    [property: JsonPropertyName("model_path")] string ModelPath,
    [property: JsonPropertyName("data")] string Data,
    [property: JsonPropertyName("refine")] bool Refine,
    [property: JsonPropertyName("raw_alpha")] bool RawAlpha,
    [property: JsonPropertyName("greyscale")] bool Greyscale,
    [property: JsonPropertyName("threads")] int IntraOpThreads,
    [property: JsonPropertyName("boundary_tolerance_px")] int BoundaryTolerancePx,
    [property: JsonPropertyName("images")] int Images,
    [property: JsonPropertyName("mean_iou")] double MeanIou,
    [property: JsonPropertyName("dataset_iou")] double DatasetIou,
    [property: JsonPropertyName("mean_dice")] double MeanDice,
    [property: JsonPropertyName("mae")] double Mae,
    [property: JsonPropertyName("boundary_f")] double BoundaryF,
    [property: JsonPropertyName("smudge")] double Smudge,
    [property: JsonPropertyName("translucent")] double Translucent,
    [property: JsonPropertyName("empty")] int Empty,
    [property: JsonPropertyName("edge_mae")] double EdgeMae,
    [property: JsonPropertyName("latency_ms")] Latency LatencyMs,
    [property: JsonPropertyName("by_prefix")] SortedDictionary<string, EvalFigures> ByPrefix,
    [property: JsonPropertyName("per_image")] List<PerImage> PerImage,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("load_average_1m")] double? LoadAverage,
    [property: JsonPropertyName("date_utc")] string DateUtc)
{
    [JsonIgnore]
    public EvalFigures Overall => new(Images, MeanIou, DatasetIou, MeanDice, Mae, BoundaryF, Smudge, Translucent, Empty, EdgeMae, LatencyMs);

    /// <summary>Other work on the machine inflates latencies; the 1-minute load average at the end says how much there was.</summary>
    static double? ReadLoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public static EvalReport Create(string model, ModelSpec spec, string modelPath, string data, RemoveOptions options, int threads,
                                    bool greyscale, List<EvalSample> samples)
    {
        var all = EvalFigures.Of(samples);
        var byPrefix = new SortedDictionary<string, EvalFigures>(
            samples.GroupBy(s => s.Prefix).ToDictionary(g => g.Key, g => EvalFigures.Of([.. g])), StringComparer.Ordinal);
        var perImage = samples.Select(s => new PerImage(s.Name, Math.Round(s.Score.Iou, 4), Math.Round(s.Score.Dice, 4),
            Math.Round(s.Score.Mae, 4), Math.Round(s.Score.BoundaryF, 4), Math.Round(s.Quality.Smudge.Share, 5),
            Math.Round(s.Quality.Translucent.Share, 5), s.Quality.Empty, Math.Round(s.Quality.Edge.Mae, 4), Math.Round(s.ModelMs, 1), Math.Round(s.TotalMs, 1))).ToList();
        return new EvalReport(model, spec.Name, modelPath, data, options.Refine, options.RawAlpha, greyscale, threads,
            SegmentationScore.BoundaryTolerance, all.Images, all.MeanIou, all.DatasetIou, all.MeanDice, all.Mae, all.BoundaryF,
            all.Smudge, all.Translucent, all.Empty, all.EdgeMae, all.LatencyMs, byPrefix, perImage,
            $"{Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}", ReadLoadAverage(),
            DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ"));
    }
}
