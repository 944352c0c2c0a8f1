#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// Compares ways of choosing between the people and the general model on labelled sets (the README's "Which model"
// table). From the repository root:
//   dotnet run bench/scripts/choose-model.cs -- PEOPLE.onnx GENERAL.onnx ../shared/data/people/val ../shared/data/objects/val
// Per set and over all images: mean per-image IoU (alpha >= 0.5 vs mask > 127), mean boundary F, and how many
// photos needed both models. Candidates: each model alone; "people first" (people model, the general model when
// no person covers at least T of the frame) for several T; "union" (the larger alpha of the two);
// "union-if-person" (the union when a person covers at least T, the general model's alpha otherwise).
using Cutout;

var people = BackgroundRemover.Load(args[0]);
var general = BackgroundRemover.Load(args[1]);
double[] thresholds = [0.005, 0.01, 0.02, 0.05, 0.1];
var candidates = new List<string> { "people", "general", "union" };
candidates.AddRange(thresholds.Select(t => $"people-first {t:P1}"));
candidates.AddRange(thresholds.Select(t => $"union-if-person {t:P1}"));
var scores = new Dictionary<(string Candidate, string Set), List<SegmentationScore>>();
var secondRuns = new Dictionary<(string Candidate, string Set), int>();

foreach (var dir in args[2..])
{
    var set = LabelledSet.Name(dir);
    var pairs = LabelledSet.Read(dir);
    foreach (var pair in pairs)
    {
        using var photo = Photo.Decode(File.ReadAllBytes(pair.Image));
        var truth = pair.ReadTruth(photo.Width, photo.Height);
        var p = people.PredictAlpha(photo);
        var g = general.PredictAlpha(photo);
        var share = SubjectCoverage.Share(p.Values);
        void Add(string candidate, AlphaMatte matte, bool both)
        {
            var key = (candidate, set);
            if (!scores.TryGetValue(key, out var list)) scores[key] = list = [];
            list.Add(SegmentationScore.Compute(matte, truth));
            secondRuns[key] = secondRuns.GetValueOrDefault(key) + (both ? 1 : 0);
        }
        Add("people", p, false);
        Add("general", g, false);
        var union = new float[p.Values.Length];
        for (var i = 0; i < union.Length; i++) union[i] = Math.Max(p.Values[i], g.Values[i]);
        var unionMatte = new AlphaMatte(p.Width, p.Height, union);
        Add("union", unionMatte, true);
        foreach (var t in thresholds)
        {
            Add($"people-first {t:P1}", share >= t ? p : g, share < t);
            Add($"union-if-person {t:P1}", share >= t ? unionMatte : g, true);
        }
    }
    Console.Error.WriteLine($"{set}: {pairs.Count} images");
}

var sets = scores.Keys.Select(k => k.Set).Distinct().ToList();
Console.WriteLine($"| candidate | {string.Join(" | ", sets.Select(s => $"{s} IoU | {s} boundary F"))} | all IoU | mean of sets | photos run twice |");
Console.WriteLine($"|---|{string.Concat(sets.Select(_ => "---|---|"))}---|---|---|");
foreach (var c in candidates)
{
    var perSet = sets.Select(s => scores[(c, s)]).ToList();
    var all = perSet.SelectMany(x => x).ToList();
    Console.WriteLine($"| {c} | {string.Join(" | ", perSet.Select(l => $"{l.Average(x => x.Iou):F4} | {l.Average(x => x.BoundaryF):F4}"))} | " +
                      $"{all.Average(x => x.Iou):F4} | {perSet.Average(l => l.Average(x => x.Iou)):F4} | {sets.Sum(s => secondRuns[(c, s)])} |");
}
