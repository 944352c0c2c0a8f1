using System.Diagnostics;

namespace Cutout.Tests;

/// <summary>
/// Temporary folders of one test process, all under one root named after the process. The root is deleted when the
/// process exits; since a test host can be ended before its exit handlers finish, each new process also deletes the
/// roots of processes that are gone.
/// </summary>
public static class TestTemp
{
    const string RootPrefix = "cutout-tests-";

    static readonly Lazy<string> Root = new(() =>
    {
        RemoveRootsOfEndedProcesses(Path.GetTempPath());
        var root = Directory.CreateTempSubdirectory($"{RootPrefix}{Environment.ProcessId}-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    });

    /// <summary>A new, empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string Folder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, prefix + Guid.NewGuid().ToString("N")[..12])).FullName;

    /// <summary>
    /// Deletes the test roots in <paramref name="tempPath"/> whose process has ended, and those of older runs whose
    /// names carry no process id; returns how many it deleted.
    /// </summary>
    public static int RemoveRootsOfEndedProcesses(string tempPath)
    {
        var removed = 0;
        foreach (var folder in Directory.EnumerateDirectories(tempPath, RootPrefix + "*"))
        {
            var processId = ProcessIdOf(Path.GetFileName(folder));
            if (processId is { } id && IsRunning(id)) continue;
            if (TryDelete(folder)) removed++;
        }
        return removed;
    }

    static int? ProcessIdOf(string rootName)
    {
        var rest = rootName[RootPrefix.Length..];
        var dash = rest.IndexOf('-');
        return dash > 0 && int.TryParse(rest[..dash], out var id) ? id : null;
    }

    static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return false; }
    }

    internal static bool TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); return true; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }
}
