#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// The general model card's figure, from the public-domain astronaut only. From the repository root:
//   dotnet run docs/models/choice-figure.cs -- docs/models/img/general-unet-resnet18-astronaut.jpg
// Top row, the whole photo cut out onto green by: people | general | auto. Bottom row, the toy shuttle cropped from
// the photo (no person in it) cut out by the same three.
using Cutout;
using SkiaSharp;

var output = args[0];
string[] models = ["people", "general", "auto"];
var photoBytes = File.ReadAllBytes("samples/astronaut.png");
using var photo = SKImage.FromEncodedData(photoBytes);
using var shuttle = photo.Subset(SKRectI.Create(330, 0, 182, 300));
using var shuttleData = shuttle.Encode(SKEncodedImageFormat.Png, 100);
var shuttleBytes = shuttleData.ToArray();
var onGreen = new RemoveOptions { Background = "#2e7d32" };

const int cell = 340, gap = 8, label = 22;
using var sheet = SKSurface.Create(new SKImageInfo(3 * cell + 2 * gap, 2 * (cell + label) + gap));
sheet.Canvas.Clear(SKColors.White);
using var typeface = SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf") ?? SKTypeface.Default;
using var font = new SKFont(typeface, 16);
using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);
for (var column = 0; column < models.Length; column++)
{
    using var remover = BackgroundRemover.Load(models[column]);
    foreach (var (bytes, row) in new[] { (photoBytes, 0), (shuttleBytes, 1) })
    {
        var result = remover.Remove(bytes, onGreen);
        using var image = SKImage.FromEncodedData(result.Data);
        float scale = Math.Min((float)cell / image.Width, (float)cell / image.Height);
        float x = column * (cell + gap), y = row * (cell + label + gap);
        var note = result.SubjectFound ? result.Model : $"{result.Model}: nothing found";
        sheet.Canvas.DrawText($"--model {models[column]} ({note})", x + 2, y + 16, SKTextAlign.Left, font, ink);
        sheet.Canvas.DrawImage(image, SKRect.Create(x, y + label, image.Width * scale, image.Height * scale), sampling);
    }
}
using var snapshot = sheet.Snapshot();
using var encoded = snapshot.Encode(output.EndsWith(".png") ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 85);
File.WriteAllBytes(output, encoded.ToArray());
Console.WriteLine($"wrote {output}");
