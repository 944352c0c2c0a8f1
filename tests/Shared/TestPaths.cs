using Xunit;

namespace Cutout.Tests;

/// <summary>Locates the repository and the shared research data (../shared/data, or CUTOUT_DATA).</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string DataRoot { get; } =
        Environment.GetEnvironmentVariable("CUTOUT_DATA") is { Length: > 0 } env
            ? Path.GetFullPath(env)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static bool HasData => Directory.Exists(Path.Combine(DataRoot, "people"));

    public static string People(string split) => Path.Combine(DataRoot, "people", split);

    public static string Objects(string split) => Path.Combine(DataRoot, "objects", split);

    public static string Astronaut => Path.Combine(RepoRoot, "samples", "astronaut.png");

    public const string MissingDataReason =
        "skipped: research data not found at ../shared/data/people (set CUTOUT_DATA to its folder; CI has it, the repo does not ship it)";

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cutout.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cutout.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs ../shared/data; reported as skipped, with the reason, when the data is absent.</summary>
public sealed class DataFactAttribute : FactAttribute
{
    public DataFactAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
    }
}

/// <summary>A theory that needs ../shared/data; reported as skipped, with the reason, when the data is absent.</summary>
public sealed class DataTheoryAttribute : TheoryAttribute
{
    public DataTheoryAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
    }
}
