#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// Sweeps stray-region clean-up settings on labelled sets: each photo is predicted once, then the default pipeline
// (clean alpha) runs with several island/hole shares. From the repository root:
//   dotnet run bench/scripts/stray-regions.cs -- MODEL ../shared/data/people/val [more sets]
// Prints per set and source: mean IoU, boundary F, smudge, translucent, empty, edge MAE.
using Cutout;

var remover = BackgroundRemover.Load(args[0]);
(double Island, double Hole)[] variants = [(0, 0), (0.01, 0), (0.02, 0), (0.05, 0), (0.02, 0.01), (0.02, 0.05), (0.05, 0.05)];
var rows = new Dictionary<(string Group, int Variant), List<(SegmentationScore S, AlphaQuality Q)>>();

foreach (var dir in args[1..])
{
    var set = LabelledSet.Name(dir);
    foreach (var pair in LabelledSet.Read(dir))
    {
        using var photo = Photo.Decode(File.ReadAllBytes(pair.Image));
        var truth = pair.ReadTruth(photo.Width, photo.Height);
        var raw = remover.PredictAlpha(photo);
        for (var v = 0; v < variants.Length; v++)
        {
            var copy = new AlphaMatte(raw.Width, raw.Height, (float[])raw.Values.Clone());
            var matte = MattePipeline.Apply(photo, copy, new RemoveOptions(), remover.Spec);
            if (variants[v].Island > 0 || variants[v].Hole > 0) Stray.Remove(matte, variants[v].Island, variants[v].Hole);
            var row = (SegmentationScore.Compute(matte, truth), AlphaQuality.Compute(matte, truth));
            foreach (var group in new[] { set, $"{set}/{pair.Source}" })
            {
                if (!rows.TryGetValue((group, v), out var list)) rows[(group, v)] = list = [];
                list.Add(row);
            }
        }
    }
    Console.Error.WriteLine($"{set} done");
}

Console.WriteLine("| group | island share | hole share | n | IoU | boundary F | smudge | translucent | empty | edge MAE |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var ((group, v), list) in rows.OrderBy(r => r.Key.Group).ThenBy(r => r.Key.Variant))
{
    var smudge = list.Select(x => x.Q.Smudge).Aggregate((a, b) => a + b);
    var translucent = list.Select(x => x.Q.Translucent).Aggregate((a, b) => a + b);
    var edge = list.Select(x => x.Q.Edge).Aggregate((a, b) => a + b);
    Console.WriteLine($"| {group} | {variants[v].Island:P0} | {variants[v].Hole:P0} | {list.Count} | {list.Average(x => x.S.Iou):F4} | " +
                      $"{list.Average(x => x.S.BoundaryF):F4} | {smudge.Share:P2} | {translucent.Share:P2} | {list.Count(x => x.Q.Empty)} | {edge.Mae:F4} |");
}

static class Stray
{
    /// <summary>Islands of visible alpha whose opaque part is under islandShare of the largest one's become 0; enclosed
    /// holes whose clear part is under holeShare of the largest island become 1. 8-connected islands, 4-connected holes.</summary>
    public static void Remove(AlphaMatte matte, double islandShare, double holeShare)
    {
        var (w, h, v) = (matte.Width, matte.Height, matte.Values);
        var islands = Components(w, h, i => v[i] > 0f, i => v[i] >= 0.5f, eight: true);
        var largest = islands.Count == 0 ? 0 : islands.Max(c => c.Weight);
        foreach (var c in islands)
            if (c.Weight < islandShare * largest) foreach (var i in c.Pixels) v[i] = 0f;
        if (holeShare <= 0) return;
        foreach (var c in Components(w, h, i => v[i] < 1f, i => v[i] < 0.5f, eight: false))
            if (!c.TouchesBorder && c.Weight < holeShare * largest) foreach (var i in c.Pixels) v[i] = 1f;
    }

    sealed record Component(List<int> Pixels, int Weight, bool TouchesBorder);

    static List<Component> Components(int w, int h, Func<int, bool> member, Func<int, bool> counts, bool eight)
    {
        var seen = new bool[w * h];
        var result = new List<Component>();
        var stack = new Stack<int>();
        for (var start = 0; start < seen.Length; start++)
        {
            if (seen[start] || !member(start)) continue;
            var pixels = new List<int>();
            var weight = 0;
            var border = false;
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var i = stack.Pop();
                pixels.Add(i);
                if (counts(i)) weight++;
                int x = i % w, y = i / w;
                if (x == 0 || y == 0 || x == w - 1 || y == h - 1) border = true;
                for (var dy = -1; dy <= 1; dy++)
                for (var dx = -1; dx <= 1; dx++)
                {
                    if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) continue;
                    int nx = x + dx, ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
                    var n = ny * w + nx;
                    if (seen[n] || !member(n)) continue;
                    seen[n] = true;
                    stack.Push(n);
                }
            }
            result.Add(new Component(pixels, weight, border));
        }
        return result;
    }
}
