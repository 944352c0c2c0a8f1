using System.Diagnostics;

namespace Cutout.Cli;

/// <summary>
/// Writes to a hidden temporary file in the target's folder, then renames it over the target. The temporary name
/// carries the writer's process id, so a run removes only leftovers whose writer is gone (or that are a day old),
/// never the file another run is writing right now.
/// </summary>
static class AtomicFile
{
    const string TempSuffix = ".cutout-tmp";
    static readonly TimeSpan Abandoned = TimeSpan.FromDays(1);

    public static void Write(string path, byte[] data)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        RemoveLeftovers(folder, Path.GetFileName(path));
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempSuffix}");
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

    /// <summary>Temporary files for this target left by a run that was interrupted.</summary>
    static void RemoveLeftovers(string folder, string name)
    {
        foreach (var leftover in Directory.EnumerateFiles(folder, $".{name}.*{TempSuffix}"))
            if (IsStale(leftover, name))
                try { File.Delete(leftover); } catch (IOException) { }
    }

    /// <summary>".name.PID.GUID.cutout-tmp": stale when PID is not running or the file is old; names without a PID are old runs'.</summary>
    static bool IsStale(string leftover, string name)
    {
        var middle = Path.GetFileName(leftover)[(name.Length + 2)..^TempSuffix.Length];
        var dot = middle.IndexOf('.');
        if (dot < 0 || !int.TryParse(middle[..dot], out var pid)) return true;
        if (pid == Environment.ProcessId) return false;
        return !IsRunning(pid) || DateTime.UtcNow - File.GetLastWriteTimeUtc(leftover) > Abandoned;
    }

    static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
