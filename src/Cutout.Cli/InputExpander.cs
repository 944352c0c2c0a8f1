using System.Text.RegularExpressions;

namespace Cutout.Cli;

/// <summary>An image to process and the path, relative to the output folder, of its result without extension.</summary>
sealed record InputFile(string Path, string RelativeStem);

/// <summary>A named input that gave no image, or a path a walk passed over, and why.</summary>
sealed record InputNote(string Path, string Reason);

/// <summary>
/// Turns files, folders (recursive) and globs (*, ?, **) into image and video files with their mirrored output names. Walks do
/// not descend into symbolic links to folders (a link to a parent would loop) and take regular files only (a FIFO
/// named like an image would hang the batch); each passed-over path is reported.
/// </summary>
static class InputExpander
{
    static readonly HashSet<string> InputExtensions = new(
        [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif", .. Cutout.Video.VideoFormats.InputExtensions], StringComparer.OrdinalIgnoreCase);

    /// <param name="outputFolder">never walked into, so a rerun does not take earlier outputs as inputs.</param>
    public static (List<InputFile> Files, List<InputNote> Missing, List<InputNote> Skipped) Expand(IEnumerable<string> inputs, string outputFolder)
    {
        var files = new List<InputFile>();
        var missing = new List<InputNote>();
        var skipped = new List<InputNote>();
        var exclude = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var input in inputs)
        {
            var kind = FileIdentity.Of(input)?.Kind;
            if (kind is FileKind.Regular)
                files.Add(new InputFile(Path.GetFullPath(input), Path.GetFileNameWithoutExtension(input)));
            else if (kind is FileKind.Special)
                missing.Add(new InputNote(input, "not a regular file (a pipe, socket or device)"));
            else if (kind is FileKind.Folder)
                AddOrExplain(files, missing, input, Walk(input, exclude, _ => true, skipped), exclude,
                    "no images in this folder");
            else if (input.IndexOfAny(['*', '?']) >= 0)
                AddOrExplain(files, missing, input, Glob(input, exclude, skipped), exclude, "no image matches this pattern");
            else
                missing.Add(new InputNote(input, "no such file or folder"));
        }
        return (files, missing, skipped);
    }

    static void AddOrExplain(List<InputFile> files, List<InputNote> missing, string input, List<InputFile> found, string exclude, string none)
    {
        if (found.Count > 0) files.AddRange(found);
        else if ((Path.GetFullPath(input).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).StartsWith(exclude, StringComparison.Ordinal))
            missing.Add(new InputNote(input, "is inside the output folder (-o), whose files are never taken as inputs"));
        else missing.Add(new InputNote(input, none));
    }

    static List<InputFile> Walk(string root, string exclude, Func<string, bool> keep, List<InputNote> skipped) =>
        Entries(root, skipped)
            .Select(Path.GetFullPath)
            .Where(f => !f.StartsWith(exclude, StringComparison.Ordinal))
            .Select(f => (Full: f, Relative: Path.GetRelativePath(root, f)))
            .Where(f => keep(f.Relative.Replace('\\', '/')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new InputFile(f.Full, Path.ChangeExtension(f.Relative, null)))
            .ToList();

    /// <summary>Image files under <paramref name="folder"/>, not following links to folders; hidden names are left out.</summary>
    static IEnumerable<string> Entries(string folder, List<InputNote> skipped)
    {
        string[] names;
        try { names = Directory.GetFileSystemEntries(folder); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException) { yield break; }
        foreach (var path in names)
        {
            if (Path.GetFileName(path).StartsWith('.')) continue;
            var own = FileIdentity.Of(path, followLinks: false);
            var kind = own?.Kind == FileKind.Link ? FileIdentity.Of(path)?.Kind : own?.Kind;
            var isImage = InputExtensions.Contains(Path.GetExtension(path));
            if (kind == FileKind.Folder && own?.Kind == FileKind.Link)
                skipped.Add(new InputNote(path, "a symbolic link to a folder, not followed"));
            else if (kind == FileKind.Folder)
                foreach (var inner in Entries(path, skipped)) yield return inner;
            else if (!isImage)
                continue;
            else if (kind == FileKind.Regular)
                yield return path;
            else if (kind == FileKind.Special)
                skipped.Add(new InputNote(path, "not a regular file (a pipe, socket or device)"));
            else if (own?.Kind == FileKind.Link)
                skipped.Add(new InputNote(path, "a symbolic link to nothing"));
        }
    }

    /// <summary>The folder before the first wildcard is the root; the rest is matched against paths relative to it.</summary>
    static List<InputFile> Glob(string pattern, string exclude, List<InputNote> skipped)
    {
        var normalized = pattern.Replace('\\', '/');
        var wildcard = normalized.IndexOfAny(['*', '?']);
        var slash = normalized.LastIndexOf('/', wildcard);
        var root = slash < 0 ? "." : normalized[..slash] is "" ? "/" : normalized[..slash];
        if (!Directory.Exists(root)) return [];
        var regex = new Regex("^" + ToRegex(normalized[(slash + 1)..]) + "$");
        return Walk(root, exclude, regex.IsMatch, skipped);
    }

    static string ToRegex(string glob) =>
        Regex.Escape(glob)
            .Replace(@"\*\*/", "(?:.*/)?")
            .Replace(@"\*\*", ".*")
            .Replace(@"\*", "[^/]*")
            .Replace(@"\?", "[^/]");
}
