namespace Cutout.Tests;

/// <summary>
/// A test's own folder under <see cref="TestTemp"/>'s root, deleted as soon as the test is done with it. Training runs
/// and exported models take tens to hundreds of MB each: kept until the test host exits, they added up to 3.6 GB.
/// </summary>
public sealed class TempFolder(string prefix) : IDisposable
{
    public string Path { get; } = TestTemp.Folder(prefix);

    public static implicit operator string(TempFolder folder) => folder.Path;

    public override string ToString() => Path;

    public void Dispose() => TestTemp.TryDelete(Path);
}
