#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// Two places on the public-domain sample where people models go wrong in ways a person sees, as mean alpha with the
// default pipeline (clean alpha): the flag beside the left arm (background: 0 % is right) and the visor's white
// highlight on the held helmet (subject: 100 % is right). From the repository root:
//   dotnet run bench/scripts/sample-regions.cs -- MODEL [MODEL...]
using Cutout;

(string Name, int X, int Y, int Width, int Height)[] regions = [("flag strip", 0, 300, 16, 212), ("visor highlight", 345, 425, 25, 35)];
using var photo = Photo.Decode(File.ReadAllBytes("samples/astronaut.png"));

Console.WriteLine($"| model | {string.Join(" | ", regions.Select(r => $"{r.Name} (x {r.X}-{r.X + r.Width - 1}, y {r.Y}-{r.Y + r.Height - 1})"))} |");
Console.WriteLine($"|---|{string.Concat(regions.Select(_ => "---|"))}");
foreach (var model in args)
{
    using var remover = BackgroundRemover.Load(model);
    var matte = MattePipeline.Apply(photo, remover.PredictAlpha(photo), new RemoveOptions(), remover.Spec);
    var means = regions.Select(r =>
    {
        var sum = 0.0;
        for (var y = r.Y; y < r.Y + r.Height; y++)
            for (var x = r.X; x < r.X + r.Width; x++) sum += matte.Values[y * matte.Width + x];
        return 100 * sum / (r.Width * r.Height);
    });
    Console.WriteLine($"| {model} | {string.Join(" | ", means.Select(m => $"{m:0.0} %"))} |");
}
