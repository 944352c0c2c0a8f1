using Cutout.Training.Data;

namespace Cutout.Training.Training;

/// <summary>
/// How often a training pair is drawn, by its source (<see cref="SegmentationSample.Source"/>): with voc=2 a voc pair is
/// drawn twice as often as a pair of a source not named (weight 1). An epoch keeps its length, so heavier sources take
/// draws from the others; each pair is drawn the floor or the ceiling of its expected count.
/// </summary>
public static class SourceWeights
{
    /// <summary>"voc=2,vik=1.5" as a map; refuses a negative or unreadable weight and a name given twice.</summary>
    public static Dictionary<string, double> Parse(string text)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pieces = part.Split('=', StringSplitOptions.TrimEntries);
            if (pieces.Length != 2 || pieces[0].Length == 0
                || !double.TryParse(pieces[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var weight)
                || !double.IsFinite(weight) || weight < 0)
                throw new ArgumentException($"--source-weights: '{part}' is not SOURCE=WEIGHT with a weight of 0 or more");
            if (!weights.TryAdd(pieces[0], weight)) throw new ArgumentException($"--source-weights: '{pieces[0]}' is given twice");
        }
        return weights;
    }

    /// <summary>An epoch's order: samples.Count draws, pair i about weight(i) · count / Σ weight times, shuffled.</summary>
    public static int[] Draw(IReadOnlyList<SegmentationSample> samples, IReadOnlyDictionary<string, double> weights, Random random)
    {
        var expected = ExpectedDraws(samples, weights);
        // Systematic sampling: one random offset, then a draw each time the running sum of expected draws passes a whole
        // number. Each pair gets the floor or the ceiling of its share, as likely as the fraction says; visited source by
        // source (in a random order within each), so does each source. The last pair closes the sum at samples.Count,
        // so rounding cannot make the epoch a draw short or long.
        var visit = Enumerable.Range(0, samples.Count).ToArray();
        random.Shuffle(visit);
        visit = [.. visit.OrderBy(i => samples[i].Source, StringComparer.Ordinal)];
        var offset = random.NextDouble();
        var draws = new List<int>(samples.Count);
        var sum = 0.0;
        for (var k = 0; k < visit.Length; k++)
        {
            var before = (int)Math.Floor(sum + offset);
            sum = k == visit.Length - 1 ? samples.Count : sum + expected[visit[k]];
            draws.AddRange(Enumerable.Repeat(visit[k], (int)Math.Floor(sum + offset) - before));
        }
        var order = draws.ToArray();
        random.Shuffle(order);
        return order;
    }

    /// <summary>"ccp 823 → 550, vik 200 → 267, voc 614 → 820": each source's pairs and its draws in an epoch.</summary>
    public static string Describe(IReadOnlyList<SegmentationSample> samples, IReadOnlyDictionary<string, double> weights)
    {
        var expected = ExpectedDraws(samples, weights);
        return string.Join(", ", Enumerable.Range(0, samples.Count).GroupBy(i => samples[i].Source)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{(g.Key.Length == 0 ? "(no prefix)" : g.Key)} {g.Count()} → {g.Sum(i => expected[i]):0}"));
    }

    /// <summary>Each pair's share of an epoch's samples.Count draws.</summary>
    static double[] ExpectedDraws(IReadOnlyList<SegmentationSample> samples, IReadOnlyDictionary<string, double> weights)
    {
        var weight = samples.Select(s => weights.GetValueOrDefault(s.Source, 1.0)).ToArray();
        var total = weight.Sum();
        if (total <= 0) throw new ArgumentException("--source-weights leaves no training pair to draw");
        return [.. weight.Select(w => w * samples.Count / total)];
    }
}
