#:property PublishAot=false
// Does a candidate measurably beat the shipped model? Pairs `cutout eval --json` reports of the same set photo by
// photo and prints, per metric, the mean difference (candidate - before) with its paired standard error, and how many
// photos moved by 0.01 or more each way. Several pairs (one per validation set) are pooled into one sample, as the
// general model is chosen on both sets. "measurably better" needs the difference beyond twice its error, in the
// metric's good direction (up for IoU and boundary F, down for edge MAE, smudge and translucent).
//   dotnet run bench/scripts/compare-evals.cs -- BEFORE.json CANDIDATE.json [BEFORE2.json CANDIDATE2.json ...]
using System.Text.Json;

if (args.Length < 2 || args.Length % 2 != 0)
{
    Console.Error.WriteLine("usage: compare-evals.cs BEFORE.json CANDIDATE.json [BEFORE2.json CANDIDATE2.json ...] " +
                            "(reports of `cutout eval --json`, each pair on the same set)");
    return 2;
}
var pairs = new List<(JsonElement Before, JsonElement Candidate)>();
for (var i = 0; i < args.Length; i += 2)
{
    var before = PerImage(args[i]);
    var candidate = PerImage(args[i + 1]);
    var names = before.Keys.Intersect(candidate.Keys).Order().ToList();
    if (names.Count < 2 || names.Count != before.Count || names.Count != candidate.Count)
    {
        Console.Error.WriteLine($"{args[i]} and {args[i + 1]} cover different photos ({before.Count} and {candidate.Count}, {names.Count} in common)");
        return 2;
    }
    pairs.AddRange(names.Select(n => (before[n], candidate[n])));
    Console.WriteLine($"{names.Count} photos: {args[i]} -> {args[i + 1]}");
}
if (args.Length > 2)
    Console.WriteLine($"pooled over {pairs.Count} photos");
foreach (var (metric, higherIsBetter) in new[] { ("iou", true), ("boundary_f", true), ("edge_mae", false), ("smudge", false), ("translucent", false) })
{
    var differences = pairs.Select(p => p.Candidate.GetProperty(metric).GetDouble() - p.Before.GetProperty(metric).GetDouble()).ToList();
    var mean = differences.Average();
    var error = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1) / differences.Count);
    var gain = higherIsBetter ? mean : -mean;
    var verdict = gain > 2 * error ? "measurably better" : gain < -2 * error ? "measurably worse" : "no measurable change";
    var better = differences.Count(d => (higherIsBetter ? d : -d) >= 0.01);
    var worse = differences.Count(d => (higherIsBetter ? -d : d) >= 0.01);
    Console.WriteLine($"{metric,-11} {mean:+0.0000;-0.0000} ± {error:0.0000}  better {better}, worse {worse}: {verdict}");
}
var emptyBefore = pairs.Count(p => p.Before.GetProperty("empty").GetBoolean());
var emptyAfter = pairs.Count(p => p.Candidate.GetProperty("empty").GetBoolean());
Console.WriteLine($"empty       {emptyBefore} -> {emptyAfter}");
return 0;

static Dictionary<string, JsonElement> PerImage(string path)
{
    using var stream = File.OpenRead(path);
    var report = JsonDocument.Parse(stream).RootElement.Clone();
    return report.GetProperty("per_image").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
}
