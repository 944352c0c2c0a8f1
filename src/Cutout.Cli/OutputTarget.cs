namespace Cutout.Cli;

/// <summary>
/// Where `-o` points: a folder that mirrors the inputs (the default), or one image file when it ends in an image extension
/// and is not an existing folder.
/// </summary>
sealed record OutputTarget(string Path, bool IsFile)
{
    static readonly Dictionary<string, OutputFormat> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = OutputFormat.Png, [".webp"] = OutputFormat.WebP, [".jpg"] = OutputFormat.Jpeg, [".jpeg"] = OutputFormat.Jpeg,
    };

    public static OutputTarget Of(string path) =>
        new(path, FileExtensions.ContainsKey(System.IO.Path.GetExtension(path)) && !Directory.Exists(path));

    /// <summary>The format an output file's extension asks for.</summary>
    public OutputFormat? FileFormat => IsFile ? FileExtensions[System.IO.Path.GetExtension(Path)] : null;
}
