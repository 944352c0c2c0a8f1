using System.Text.RegularExpressions;

namespace Cutout.Cli;

/// <summary>An image to process and the path, relative to the output folder, of its result without extension.</summary>
sealed record InputFile(string Path, string RelativeStem);

/// <summary>Turns files, folders (recursive) and globs (*, ?, **) into image and video files with their mirrored output names.</summary>
static class InputExpander
{
    static readonly HashSet<string> InputExtensions = new(
        [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", .. Cutout.Video.VideoFormats.InputExtensions], StringComparer.OrdinalIgnoreCase);

    /// <param name="outputFolder">never walked into, so a rerun does not take earlier outputs as inputs.</param>
    public static (List<InputFile> Files, List<string> Missing) Expand(IEnumerable<string> inputs, string outputFolder)
    {
        var files = new List<InputFile>();
        var missing = new List<string>();
        var exclude = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var input in inputs)
        {
            if (File.Exists(input))
                files.Add(new InputFile(Path.GetFullPath(input), Path.GetFileNameWithoutExtension(input)));
            else if (Directory.Exists(input))
                files.AddRange(Walk(input, exclude, _ => true));
            else if (input.IndexOfAny(['*', '?']) >= 0 && Glob(input, exclude) is { Count: > 0 } matched)
                files.AddRange(matched);
            else
                missing.Add(input);
        }
        return (files, missing);
    }

    static IEnumerable<InputFile> Walk(string root, string exclude, Func<string, bool> keep)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };
        return Directory.EnumerateFiles(root, "*", options)
            .Where(f => InputExtensions.Contains(Path.GetExtension(f)) && !Path.GetFileName(f).StartsWith('.'))
            .Select(Path.GetFullPath)
            .Where(f => !f.StartsWith(exclude, StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f)))
            .Where(f => keep(f.Relative.Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new InputFile(f.Full, Path.ChangeExtension(f.Relative, null)));
    }

    /// <summary>The folder before the first wildcard is the root; the rest is matched against paths relative to it.</summary>
    static List<InputFile> Glob(string pattern, string exclude)
    {
        var normalized = pattern.Replace('\\', '/');
        var wildcard = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', wildcard);
        var root = slash < 0 ? "." : normalized[..slash] is "" ? "/" : normalized[..slash];
        if (!Directory.Exists(root)) return [];
        var regex = new Regex("^" + ToRegex(normalized[(slash + 1)..]) + "$");
        return [.. Walk(root, exclude, regex.IsMatch)];
    }

    static string ToRegex(string glob) =>
        Regex.Escape(glob)
            .Replace(@"\*\*/", "(?:.*/)?")
            .Replace(@"\*\*", ".*")
            .Replace(@"\*", "[^/]*")
            .Replace(@"\?", "[^/]");
}
