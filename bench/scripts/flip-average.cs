#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// Does averaging the model's alpha with its alpha on the mirrored photo pay? Each photo is predicted as it is and
// mirrored; both then run the default pipeline (clean alpha). From the repository root:
//   dotnet run bench/scripts/flip-average.cs -- MODEL ../shared/data/people/val [more sets]
using Cutout;

var remover = BackgroundRemover.Load(args[0]);
string[] variants = ["plain", "flip-average"];
var rows = new Dictionary<(string Group, string Variant), List<(SegmentationScore S, AlphaQuality Q)>>();

foreach (var dir in args[1..])
{
    var set = LabelledSet.Name(dir);
    foreach (var pair in LabelledSet.Read(dir))
    {
        using var photo = Photo.Decode(File.ReadAllBytes(pair.Image));
        var truth = pair.ReadTruth(photo.Width, photo.Height);
        var plain = remover.PredictAlpha(photo);
        using var mirrored = new Photo(photo.Width, photo.Height, Mirror(photo.Rgba, photo.Width, photo.Height, 4));
        var back = Mirror(remover.PredictAlpha(mirrored).Values, photo.Width, photo.Height, 1);
        var average = new float[back.Length];
        for (var i = 0; i < average.Length; i++) average[i] = (plain.Values[i] + back[i]) / 2;
        foreach (var (variant, raw) in new[] { ("plain", plain.Values), ("flip-average", average) })
        {
            var matte = MattePipeline.Apply(photo, new AlphaMatte(photo.Width, photo.Height, (float[])raw.Clone()), new RemoveOptions(), remover.Spec);
            var row = (SegmentationScore.Compute(matte, truth), AlphaQuality.Compute(matte, truth));
            foreach (var group in new[] { set, $"{set}/{pair.Source}" })
            {
                if (!rows.TryGetValue((group, variant), out var list)) rows[(group, variant)] = list = [];
                list.Add(row);
            }
        }
    }
    Console.Error.WriteLine($"{set} done");
}

Console.WriteLine("| group | variant | n | IoU | boundary F | smudge | translucent | empty | edge MAE |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var ((group, variant), list) in rows.OrderBy(r => r.Key.Group).ThenBy(r => Array.IndexOf(variants, r.Key.Variant)))
{
    var smudge = list.Select(x => x.Q.Smudge).Aggregate((a, b) => a + b);
    var translucent = list.Select(x => x.Q.Translucent).Aggregate((a, b) => a + b);
    var edge = list.Select(x => x.Q.Edge).Aggregate((a, b) => a + b);
    Console.WriteLine($"| {group} | {variant} | {list.Count} | {list.Average(x => x.S.Iou):F4} | {list.Average(x => x.S.BoundaryF):F4} | " +
                      $"{smudge.Share:P2} | {translucent.Share:P2} | {list.Count(x => x.Q.Empty)} | {edge.Mae:F4} |");
}

static T[] Mirror<T>(T[] pixels, int width, int height, int channels)
{
    var result = new T[pixels.Length];
    for (var y = 0; y < height; y++)
    for (var x = 0; x < width; x++)
        Array.Copy(pixels, (y * width + x) * channels, result, (y * width + width - 1 - x) * channels, channels);
    return result;
}
