namespace Cutout.Training.Data;

/// <summary>Pairs <c>images/&lt;stem&gt;.ext</c> with <c>masks/&lt;stem&gt;.ext</c> by file stem.</summary>
public static class FolderPairs
{
    public static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp"];

    public static IReadOnlyList<ISamplePair> Read(string root) =>
        Match(root, Path.Combine(root, "images"), Path.Combine(root, "masks"));

    public static IReadOnlyList<ISamplePair> Match(string root, string imageDir, string maskDir)
    {
        if (!Directory.Exists(imageDir) || !Directory.Exists(maskDir))
            throw new DatasetException($"{root}: expected folders {Path.GetFileName(imageDir)}/ and {Path.GetFileName(maskDir)}/");
        var images = ByStem(imageDir);
        var masks = ByStem(maskDir);
        var problems = new List<string>();
        problems.AddRange(images.Keys.Except(masks.Keys).Order().Select(s => $"{images[s]}: no mask with stem '{s}'"));
        problems.AddRange(masks.Keys.Except(images.Keys).Order().Select(s => $"{masks[s]}: no image with stem '{s}'"));
        if (problems.Count > 0) throw DatasetException.ForProblems(root, problems);
        if (images.Count == 0) throw new DatasetException($"{root}: no images found");
        return images.Keys.Order(StringComparer.Ordinal)
            .Select(s => (ISamplePair)new FileSamplePair(s, images[s], masks[s])).ToList();
    }

    static Dictionary<string, string> ByStem(string dir) =>
        Directory.EnumerateFiles(dir)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f);
}
