#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// The refinement figure of docs/evaluation.md, from the public-domain astronaut only. From the repository root:
//   dotnet run docs/img/refine-zoom.cs -- docs/img/refine-zoom.png [model] [left top width height]
// Panels, each the same crop at 400 % (nearest neighbour), the subject on magenta: raw alpha | clean alpha (default) |
// --refine. Magenta shows every leftover veil and every pixel that still carries the old background's colour.
using Cutout;
using SkiaSharp;

var output = args[0];
var model = args.Length > 1 ? args[1] : null;
var (left, top, width, height) = args.Length > 5
    ? (int.Parse(args[2]), int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]))
    : (150, 20, 120, 90);
const int zoom = 4, gap = 8;

using var remover = BackgroundRemover.Load(model);
var photo = File.ReadAllBytes("samples/astronaut.png");
RemoveOptions[] variants =
[
    new() { RawAlpha = true, Background = "#ff00ff" },
    new() { Background = "#ff00ff" },
    new() { Refine = true, Background = "#ff00ff" },
];
using var sheet = SKSurface.Create(new SKImageInfo(variants.Length * (width * zoom + gap) - gap, height * zoom));
sheet.Canvas.Clear(SKColors.White);
for (var i = 0; i < variants.Length; i++)
{
    using var image = SKImage.FromEncodedData(remover.Remove(photo, variants[i]).Data);
    sheet.Canvas.DrawImage(image, SKRect.Create(left, top, width, height),
        SKRect.Create(i * (width * zoom + gap), 0, width * zoom, height * zoom), new SKSamplingOptions(SKFilterMode.Nearest));
}
using var png = sheet.Snapshot().Encode(SKEncodedImageFormat.Png, 100);
File.WriteAllBytes(output, png.ToArray());
Console.WriteLine($"{output}: raw | clean | refine, crop {width}x{height} at ({left}, {top}), {zoom}x");
