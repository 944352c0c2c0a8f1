namespace Cutout.Video;

/// <summary>Hidden temporary names beside an output (".name.GUID.cutout-tmp"), and the leftovers an interrupted run left.</summary>
static class TemporaryPath
{
    const string Suffix = ".cutout-tmp";

    public static string Beside(string output)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder, Path.GetFileName(output));
        return Path.Combine(folder, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}{Suffix}");
    }

    static void RemoveLeftovers(string folder, string name)
    {
        foreach (var stale in Directory.EnumerateFileSystemEntries(folder, $".{name}.*{Suffix}"))
            try
            {
                if (Directory.Exists(stale)) Directory.Delete(stale, recursive: true);
                else File.Delete(stale);
            }
            catch (IOException) { }
    }
}
