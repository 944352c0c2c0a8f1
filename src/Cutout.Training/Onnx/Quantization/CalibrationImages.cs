using Cutout.Training.Data;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>The photos activation ranges are measured on: from a training split only, spread evenly over the folder.</summary>
public static class CalibrationImages
{
    static readonly string[] HeldOutSplits = ["val", "valid", "validation", "test"];

    /// <summary><paramref name="count"/> images (or all, if fewer) of <paramref name="folder"/> or its images/ subfolder, in name order.</summary>
    public static IReadOnlyList<string> Pick(string folder, int count)
    {
        if (count < 1) throw new ArgumentException("--calibrate-count must be at least 1");
        var full = Path.GetFullPath(folder);
        var heldOut = full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .FirstOrDefault(part => HeldOutSplits.Contains(part, StringComparer.OrdinalIgnoreCase));
        if (heldOut != null)
            throw new ArgumentException($"--calibrate {folder}: '{heldOut}' is a held-out split; calibrate on a training split " +
                                        "(val and test are for evaluation only, and calibrating on them would flatter the int8 model's scores)");
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"calibration folder not found: {folder}");
        var images = Path.Combine(full, "images");
        var all = Directory.GetFiles(Directory.Exists(images) ? images : full)
            .Where(f => FolderPairs.ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (all.Count == 0) throw new DatasetException($"no images (.jpg, .png, ...) in {folder} or its images/ folder");
        if (all.Count <= count) return all;
        return Enumerable.Range(0, count).Select(i => all[(int)((long)i * all.Count / count)]).ToList();
    }
}
