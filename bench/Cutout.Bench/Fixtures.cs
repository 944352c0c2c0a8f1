using SkiaSharp;

namespace Cutout.Bench;

/// <summary>The benchmark inputs, generated on every run from the repository's sample and the people/val photos.</summary>
sealed class Fixtures
{
    public required string Root { get; init; }
    public required string Jpeg1Mp { get; init; }
    public required string Jpeg12Mp { get; init; }
    /// <summary>A small JPEG (512x384) for the server soak.</summary>
    public required string JpegSmall { get; init; }
    public required string Folder { get; init; }
    public required int FolderCount { get; init; }
    public required string FolderSource { get; init; }

    public static Fixtures Create(string root, string repo, string? dataRoot, int folderCount)
    {
        Directory.CreateDirectory(root);
        var astronaut = File.ReadAllBytes(Path.Combine(repo, "samples", "astronaut.png"));
        var jpeg1 = Path.Combine(root, "astronaut-1024x768.jpg");
        var jpeg12 = Path.Combine(root, "astronaut-4000x3000.jpg");
        var small = Path.Combine(root, "astronaut-512x384.jpg");
        File.WriteAllBytes(jpeg1, ResizeToJpeg(astronaut, 1024, 768));
        File.WriteAllBytes(jpeg12, ResizeToJpeg(astronaut, 4000, 3000));
        File.WriteAllBytes(small, ResizeToJpeg(astronaut, 512, 384));

        var folder = Path.Combine(root, "folder-1mp");
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        var val = dataRoot is null ? null : Path.Combine(dataRoot, "people", "val", "images");
        string source;
        if (val != null && Directory.Exists(val))
        {
            var photos = Directory.GetFiles(val, "*.jpg").Order(StringComparer.Ordinal).ToArray();
            for (var i = 0; i < folderCount; i++)
            {
                var from = photos[i % photos.Length];
                File.WriteAllBytes(Path.Combine(folder, $"{i:D3}-{Path.GetFileNameWithoutExtension(from)}.jpg"),
                    ResizeToJpeg(File.ReadAllBytes(from), 1024, 768));
            }
            source = $"people/val photos, centre-cropped to 4:3 and resized to 1024x768, JPEG q90";
        }
        else
        {
            for (var i = 0; i < folderCount; i++) File.Copy(jpeg1, Path.Combine(folder, $"{i:D3}-astronaut.jpg"));
            source = "copies of the 1 MP astronaut JPEG (people/val not found)";
        }
        return new Fixtures
        {
            Root = root, Jpeg1Mp = jpeg1, Jpeg12Mp = jpeg12, JpegSmall = small,
            Folder = folder, FolderCount = folderCount, FolderSource = source,
        };
    }

    /// <summary>Centre-crops to the target aspect, resizes (bilinear + mipmaps), encodes JPEG quality 90.</summary>
    public static byte[] ResizeToJpeg(byte[] encoded, int width, int height)
    {
        using var source = SKBitmap.Decode(encoded) ?? throw new InvalidOperationException("fixture source does not decode");
        var targetAspect = (double)width / height;
        var (cw, ch) = source.Width / (double)source.Height > targetAspect
            ? ((int)Math.Round(source.Height * targetAspect), source.Height)
            : (source.Width, (int)Math.Round(source.Width / targetAspect));
        var crop = SKRect.Create((source.Width - cw) / 2, (source.Height - ch) / 2, cw, ch);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var image = SKImage.FromBitmap(source);
        surface.Canvas.DrawImage(image, crop, SKRect.Create(width, height),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), null);
        using var snapshot = surface.Snapshot();
        using var data = snapshot.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
