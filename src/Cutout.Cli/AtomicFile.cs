namespace Cutout.Cli;

/// <summary>Writes to a hidden temporary file in the target's folder, then renames it over the target.</summary>
static class AtomicFile
{
    const string TempSuffix = ".cutout-tmp";

    public static void Write(string path, byte[] data)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder, Path.GetFileName(path));
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            File.WriteAllBytes(temp, data);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Temporary files that an interrupted earlier run left for this target.</summary>
    static void RemoveLeftovers(string folder, string name)
    {
        foreach (var stale in Directory.EnumerateFiles(folder, $".{name}.*{TempSuffix}"))
            try { File.Delete(stale); } catch (IOException) { }
    }
}
