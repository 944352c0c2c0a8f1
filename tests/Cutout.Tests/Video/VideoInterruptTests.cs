using System.Diagnostics;
using Cutout.Tests.Robustness;
using Xunit;

namespace Cutout.Tests.Video;

/// <summary>Ctrl+C (SIGINT) in the middle of a clip: exit 130, no output and no temporary file left.</summary>
public sealed class VideoInterruptTests
{
    [VideoFact]
    public void Ctrl_C_midway_stops_cleanly_and_leaves_nothing()
    {
        var work = Cli.TempFolder();
        var clip = VideoKillTests.LongClip(work);
        var output = Path.Combine(work, "out");
        using var run = new CliProcess(["remove", clip, "-o", output, "--model", RobustnessModel.Path], interruptible: true);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!run.StandardError.Contains(": frame ") && !run.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(5);
        Assert.False(run.HasExited, "finished before it could be interrupted: " + run.StandardError);
        using (var kill = Process.Start("kill", ["-INT", run.Id.ToString()])) kill.WaitForExit();

        Assert.Equal(130, run.WaitForExit(TimeSpan.FromSeconds(60)));
        Assert.Contains("interrupted", run.StandardError);
        Assert.Empty(Directory.Exists(output) ? Directory.GetFileSystemEntries(output) : []);
    }
}
