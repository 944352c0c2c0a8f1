#:project ../../src/Cutout.Training/Cutout.Training.csproj
#:property PublishAot=false
// Shows training inputs as the trainer makes them: a grid of augmented pictures, each with its label's outline drawn in
// yellow, so an augmentation can be looked at before a run trusts it. From the repository root:
//   dotnet run bench/scripts/augment-preview.cs -- DATA OUT.png [--occlude P --occluders ROOT] [--cut P] [--count N]
using Cutout.Training.Data;
using SkiaSharp;

var positional = args.Where((a, i) => !a.StartsWith("--") && (i == 0 || !args[i - 1].StartsWith("--"))).ToArray();
string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
if (positional.Length != 2)
{
    Console.Error.WriteLine("usage: augment-preview.cs DATA OUT.png [--occlude P --occluders ROOT] [--cut P] [--count N]");
    return 2;
}
const int size = 256;
int count = int.Parse(Option("--count") ?? "12");
var pool = DatasetReader.Read(positional[0], "train").Take(200).ToList() is var pairs ? DatasetReader.LoadAll(pairs, 2 * size) : null!;
var occluders = Option("--occluders") is { } root ? DatasetReader.LoadAll(DatasetReader.Read(root, "train").Take(100).ToList(), size) : null;
var options = new AugmentationOptions
{
    OcclusionProbability = double.Parse(Option("--occlude") ?? "0"), CutProbability = double.Parse(Option("--cut") ?? "0"),
};
var augmenter = new Augmenter(options, size, size, occluders);
var random = new Random(1);
int columns = 4, rows = (count + columns - 1) / columns;
using var sheet = new SKBitmap(columns * size, rows * size);
for (var n = 0; n < count; n++)
{
    var rgb = new float[3 * size * size];
    var mask = new float[size * size];
    augmenter.Render(pool, random.Next(pool.Count), random, rgb, mask);
    for (var y = 0; y < size; y++)
        for (var x = 0; x < size; x++)
        {
            int i = y * size + x;
            bool inside = mask[i] >= 0.5f;
            bool edge = x > 0 && y > 0 && ((mask[i - 1] >= 0.5f) != inside || (mask[i - size] >= 0.5f) != inside);
            var colour = edge ? new SKColor(255, 255, 0)
                : new SKColor((byte)rgb[i], (byte)rgb[size * size + i], (byte)rgb[2 * size * size + i]);
            sheet.SetPixel(n % columns * size + x, n / columns * size + y, colour);
        }
}
using var file = File.Create(positional[1]);
sheet.Encode(file, SKEncodedImageFormat.Png, 100);
Console.WriteLine($"{count} training inputs: {positional[1]}");
return 0;
