using System.Text.RegularExpressions;
using Xunit;

namespace Cutout.Packaging.Tests;

public class ReadmeTests
{
    /// <summary>Every `path` in README.md under a repository folder, and every `*.md`, names a file or folder that exists.</summary>
    [Fact]
    public void The_readme_names_only_files_that_exist()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var paths = Regex.Matches(readme, "`([^`\\s]+)`").Select(m => m.Groups[1].Value.TrimStart('.', '/'))
            .Where(p => p.EndsWith(".md") || Regex.IsMatch(p, "^(docs|src|deploy|tests|bench|models|samples|packaging)/") || p is "LICENSE" or "pack.sh")
            .Where(p => !p.Contains("/bin/"))   // build outputs exist only after a build
            .Distinct().ToList();
        Assert.Contains("docs/packaging.md", paths);
        var missing = paths.Where(p => !Path.Exists(Path.Combine(TestPaths.RepoRoot, p))).ToList();
        Assert.True(missing.Count == 0, "README.md names missing files: " + string.Join(", ", missing));
    }
}
