#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// How sure is a model of a person cut by the frame's bottom edge? The weakness behind every people candidate since v3
// (docs/models/people-unet-resnet18.md: the sample's lower suit lost at 352 px, the noisy clip's flicker at 320 px),
// measured over a labelled set instead of one photo. Each photo is also cropped so that its bottom edge runs through
// the subject CUT of the way down the mask's rows (default 0.6: thighs of a full-body shot, the chest of a portrait);
// the crop runs the default pipeline (clean alpha) like any photo. From the repository root:
//   dotnet run bench/scripts/bottom-cut.cs -- ../shared/data/people/val MODEL [MODEL...] [--cut 0.6]
// Per source and model: mean IoU on the whole photos, on the crops, and in the crop's bottom band (its last fifth of
// rows, at least 8), where the frame's edge cuts the subject; and how many crops lose more than half of the band's
// subject (the suit test's failure, counted).
using System.Globalization;
using Cutout;

var cut = 0.6;
var cutAt = Array.IndexOf(args, "--cut");
if (cutAt >= 0) cut = double.Parse(args[cutAt + 1], CultureInfo.InvariantCulture);
var positional = cutAt < 0 ? args : args.Where((_, i) => i != cutAt && i != cutAt + 1).ToArray();
var set = positional[0];
var rows = new List<(string Model, string Source, double Whole, double Crop, double Band, bool Lost)>();

foreach (var model in positional[1..])
{
    using var remover = BackgroundRemover.Load(model);
    foreach (var pair in LabelledSet.Read(set))
    {
        using var photo = Photo.Decode(File.ReadAllBytes(pair.Image));
        var truth = pair.ReadTruth(photo.Width, photo.Height);
        var (top, bottom) = SubjectRows(truth, photo.Width);
        if (bottom - top < 16) continue;
        var height = top + (int)Math.Round(cut * (bottom - top));
        var whole = Matte(remover, photo);
        using var crop = new Photo(photo.Width, height, photo.Rgba[..(photo.Width * height * 4)]);
        var cropTruth = truth[..(photo.Width * height)];
        var cropMatte = Matte(remover, crop);
        var band = Math.Max(8, height / 5);
        var (bandIou, kept) = BandScore(cropMatte, cropTruth, photo.Width, height - band, height);
        rows.Add((Path.GetFileName(model), pair.Source, SegmentationScore.Compute(whole, truth).Iou,
            SegmentationScore.Compute(cropMatte, cropTruth).Iou, bandIou, kept < 0.5));
    }
    Console.Error.WriteLine($"{model} done");
}

Console.WriteLine($"cut at {cut:0.00} of the subject's rows; {set}");
Console.WriteLine("| model | source | n | whole IoU | crop IoU | bottom band IoU | band subject half lost |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var group in rows.GroupBy(r => r.Model))
    foreach (var (source, list) in new[] { ("all", group.ToList()) }.Concat(group.GroupBy(r => r.Source).OrderBy(g => g.Key).Select(g => (g.Key, g.ToList()))))
        Console.WriteLine($"| {group.Key} | {source} | {list.Count} | {list.Average(r => r.Whole):F4} | {list.Average(r => r.Crop):F4} | " +
                          $"{list.Average(r => r.Band):F4} | {list.Count(r => r.Lost)} |");

static AlphaMatte Matte(BackgroundRemover remover, Photo photo) =>
    MattePipeline.Apply(photo, remover.PredictAlpha(photo), new RemoveOptions(), remover.Spec);

// The rows the mask's subject spans, as every score sees it (SubjectBounds: alpha >= 0.5, i.e. mask > 127).
static (int Top, int Bottom) SubjectRows(byte[] truth, int width) =>
    SubjectBounds.Find(new AlphaMatte(width, truth.Length / width, Array.ConvertAll(truth, b => b / 255f)), 0) is { } box
        ? (box.Top, box.Bottom)
        : (0, 0);

// The score of rows [from, to), and the share of the truth's subject there that is kept.
static (double Iou, double Kept) BandScore(AlphaMatte matte, byte[] truth, int width, int from, int to)
{
    var bandTruth = truth[(from * width)..(to * width)];
    var score = SegmentationScore.Compute(new AlphaMatte(width, to - from, matte.Values[(from * width)..(to * width)]), bandTruth);
    var subject = bandTruth.Count(b => b > 127);
    return (score.Iou, subject == 0 ? 1 : (double)score.Intersection / subject);
}
