namespace Cutout.Tests;

/// <summary>Temporary folders of one test process, all under one root that is deleted when the process exits.</summary>
public static class TestTemp
{
    static readonly Lazy<string> Root = new(() =>
    {
        var root = Directory.CreateTempSubdirectory("cutout-tests-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(root, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        };
        return root;
    });

    /// <summary>A new, empty folder whose name starts with <paramref name="prefix"/>.</summary>
    public static string Folder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Root.Value, prefix + Guid.NewGuid().ToString("N")[..12])).FullName;
}
