using Xunit;

namespace Cutout.Packaging.Tests;

/// <summary>The podman command line and the settings this machine needs to run a container.</summary>
public static class Podman
{
    public const string BaseImage = "localhost/debian:bookworm-slim";

    public static string? Executable { get; } =
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, "podman")).FirstOrDefault(File.Exists);

    public static ProcessResult Run(params string[] args) =>
        ProcessRunner.Run(Executable!, args, TestPaths.RepoRoot, TimeSpan.FromMinutes(5));

    /// <summary>
    /// Without CAP_SYS_RESOURCE (a sandboxed host) podman's default rlimits, above the hard limits, cannot be set: ask
    /// for modest ones (a server needs a few hundred threads and files). runc, where installed, also copes with hybrid
    /// cgroup v1/v2 hosts that crun refuses ("cgroups in hybrid mode not supported").
    /// </summary>
    public static string[] RunOptions()
    {
        var options = new List<string> { "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=4096:4096" };
        if (File.Exists("/usr/sbin/runc") || File.Exists("/usr/bin/runc")) options.AddRange(["--runtime", "runc"]);
        return [.. options];
    }
}

/// <summary>A fact that needs podman and the local base image; skipped, with the reason, where either is missing.</summary>
public sealed class PodmanFactAttribute : FactAttribute
{
    public PodmanFactAttribute()
    {
        if (Podman.Executable == null)
            Skip = "skipped: podman is not installed (Debian: apt-get install podman runc)";
        else if (Podman.Run("image", "exists", Podman.BaseImage).ExitCode != 0)
            Skip = $"skipped: no base image {Podman.BaseImage}; make it once with deploy/make-base-image.sh (root, mmdebstrap, Debian mirror)";
    }
}
