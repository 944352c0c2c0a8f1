namespace Cutout;

/// <summary>A photo and its ground-truth mask in a labelled set.</summary>
public sealed record LabelledPair(string Image, string Mask)
{
    public string Stem => Path.GetFileNameWithoutExtension(Image);

    /// <summary>The file-name prefix before the first '_' (the source: <c>voc</c>, <c>duts</c>...).</summary>
    public string Source => SourceOf(Stem);

    /// <summary>The part of a file stem before the first '_', or the whole stem.</summary>
    public static string SourceOf(string stem) => stem.Split('_', 2)[0];

    /// <summary>The mask as one byte per pixel (its red channel), checked against the photo's size.</summary>
    public byte[] ReadTruth(int width, int height)
    {
        using var mask = Photo.Decode(File.ReadAllBytes(Mask));
        if (mask.Width != width || mask.Height != height)
            throw new CutoutException(CutoutErrorKind.BadImage, $"mask {Mask} is {mask.Width}x{mask.Height}, the photo {width}x{height}");
        var gray = new byte[mask.PixelCount];
        for (var i = 0; i < gray.Length; i++) gray[i] = mask.Rgba[i * 4];
        return gray;
    }
}

/// <summary>A folder of photos with ground-truth masks: <c>DIR/images/&lt;stem&gt;.*</c> and <c>DIR/masks/&lt;stem&gt;.png</c>.</summary>
public static class LabelledSet
{
    /// <summary>The pairs in ordinal order of the image names; hidden files are left out and photos without a mask
    /// are handed to <paramref name="missingMask"/> instead.</summary>
    public static IReadOnlyList<LabelledPair> Read(string dir, Action<LabelledPair>? missingMask = null)
    {
        if (!Exists(dir)) throw new CutoutException(CutoutErrorKind.Io, $"{dir} must contain images/ and masks/.");
        var masks = Path.Combine(dir, "masks");
        var pairs = new List<LabelledPair>();
        var images = Directory.EnumerateFiles(Path.Combine(dir, "images")).Where(f => !Path.GetFileName(f).StartsWith('.'));
        foreach (var image in images.Order(StringComparer.Ordinal))
        {
            var pair = new LabelledPair(image, Path.Combine(masks, Path.GetFileNameWithoutExtension(image) + ".png"));
            if (File.Exists(pair.Mask)) pairs.Add(pair);
            else missingMask?.Invoke(pair);
        }
        return pairs;
    }

    public static bool Exists(string dir) =>
        Directory.Exists(Path.Combine(dir, "images")) && Directory.Exists(Path.Combine(dir, "masks"));

    /// <summary>The set's name for reports: the folder above the split (<c>people</c> for <c>people/val</c>).</summary>
    public static string Name(string dir) => Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(dir).TrimEnd('/', '\\'))) ?? dir;
}
