#:project ../../src/Cutout/Cutout.csproj
#:property PublishAot=false
// The model card's successes-and-failures figure, from the public-domain astronaut only. From the repository root:
//   dotnet run docs/models/figure.cs -- models/people-unet-resnet18.onnx docs/models/img/people-unet-resnet18-small-people.jpg
// Panels: the photo cut out onto green | the photo's cut-out pasted at a quarter and a seventh of its height onto the
// photo's blurred backdrop | that collage cut out onto green.
using Cutout;
using SkiaSharp;

var (model, output) = (args[0], args[1]);
using var remover = BackgroundRemover.Load(model);
var photoBytes = File.ReadAllBytes("samples/astronaut.png");
var onGreen = new RemoveOptions { Background = "#2e7d32" };
using var photo = SKImage.FromEncodedData(photoBytes);
using var shot = SKImage.FromEncodedData(remover.Remove(photoBytes, onGreen).Data);
using var cut = SKImage.FromEncodedData(remover.Remove(photoBytes, new RemoveOptions()).Data);
int w = photo.Width, h = photo.Height;
var sampling = new SKSamplingOptions(SKCubicResampler.Mitchell);

using var collageSurface = SKSurface.Create(new SKImageInfo(w, h));
using (var blur = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(12, 12) })
    collageSurface.Canvas.DrawImage(photo, 0, 0, sampling, blur);
foreach (var (share, x, y) in new[] { (1 / 4f, 0.08f, 0.55f), (1 / 7f, 0.55f, 0.30f), (1 / 7f, 0.75f, 0.62f) })
    collageSurface.Canvas.DrawImage(cut, SKRect.Create(w * x, h * y, w * share, h * share), sampling);
using var collage = collageSurface.Snapshot();
using var collagePng = collage.Encode(SKEncodedImageFormat.Png, 100);
using var collageCut = SKImage.FromEncodedData(remover.Remove(collagePng.AsSpan(), onGreen).Data);

const int gap = 8;
using var sheet = SKSurface.Create(new SKImageInfo(3 * w + 2 * gap, h));
sheet.Canvas.Clear(SKColors.White);
sheet.Canvas.DrawImage(shot, 0, 0, sampling);
sheet.Canvas.DrawImage(collage, w + gap, 0, sampling);
sheet.Canvas.DrawImage(collageCut, 2 * (w + gap), 0, sampling);
using var snapshot = sheet.Snapshot();
using var encoded = snapshot.Encode(output.EndsWith(".png") ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, 85);
File.WriteAllBytes(output, encoded.ToArray());
Console.WriteLine($"wrote {output}");
