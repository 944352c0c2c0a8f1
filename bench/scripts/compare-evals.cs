#:property PublishAot=false
// Does a candidate measurably beat the shipped model? Pairs two `cutout eval --json` reports of the same set photo by
// photo and prints, for mean IoU and boundary F, the mean difference (candidate - before) with its paired standard
// error, and how many photos moved by 0.01 or more. "measurably better" needs the difference above twice its error.
//   dotnet run bench/scripts/compare-evals.cs -- BEFORE.json CANDIDATE.json
using System.Text.Json;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: compare-evals.cs BEFORE.json CANDIDATE.json (reports of `cutout eval --json` on the same set)");
    return 2;
}
var before = PerImage(args[0]);
var candidate = PerImage(args[1]);
var names = before.Keys.Intersect(candidate.Keys).Order().ToList();
if (names.Count < 2 || names.Count != before.Count || names.Count != candidate.Count)
{
    Console.Error.WriteLine($"the reports cover different photos ({before.Count} and {candidate.Count}, {names.Count} in common)");
    return 2;
}
Console.WriteLine($"{names.Count} photos: {args[0]} -> {args[1]}");
foreach (var metric in new[] { "iou", "boundary_f" })
{
    var differences = names.Select(n => candidate[n].GetProperty(metric).GetDouble() - before[n].GetProperty(metric).GetDouble()).ToList();
    var mean = differences.Average();
    var error = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1) / differences.Count);
    var verdict = mean > 2 * error ? "measurably better" : mean < -2 * error ? "measurably worse" : "no measurable change";
    Console.WriteLine($"{metric,-11} {mean:+0.0000;-0.0000} ± {error:0.0000}  better {differences.Count(d => d >= 0.01)}, " +
                      $"worse {differences.Count(d => d <= -0.01)}: {verdict}");
}
return 0;

static Dictionary<string, JsonElement> PerImage(string path)
{
    using var stream = File.OpenRead(path);
    var report = JsonDocument.Parse(stream).RootElement.Clone();
    return report.GetProperty("per_image").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
}
