namespace Cutout.Cli;

/// <summary>
/// The files a run reads, by device and inode, so that no output replaces any of them, whatever path leads there
/// (a symbolic link to the input's folder, `-o .` with a.jpg and a.png both named).
/// </summary>
sealed class InputIdentities
{
    readonly Dictionary<(ulong Device, ulong Inode), string> _paths = [];

    public static InputIdentities Of(IEnumerable<InputFile> files)
    {
        var identities = new InputIdentities();
        foreach (var file in files)
            if (FileIdentity.Of(file.Path) is { } id) identities._paths.TryAdd((id.Device, id.Inode), file.Path);
        return identities;
    }

    /// <summary>The input that <paramref name="output"/> is, or null when writing it replaces none.</summary>
    public string? Find(string output) =>
        FileIdentity.Of(output) is { } id && _paths.TryGetValue((id.Device, id.Inode), out var input) ? input : null;
}
