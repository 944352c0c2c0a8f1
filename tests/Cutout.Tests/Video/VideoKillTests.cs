using Cutout.Tests.Robustness;
using Xunit;

namespace Cutout.Tests.Video;

/// <summary>SIGKILL in the middle of a clip leaves no output, only a hidden temporary file that the next run clears.</summary>
public sealed class VideoKillTests
{
    [VideoFact]
    public void Killed_midway_leaves_no_output_and_the_rerun_writes_it_and_clears_the_leftover()
    {
        var work = Cli.TempFolder();
        var clip = LongClip(work);
        var output = Path.Combine(work, "out");
        string[] args = ["remove", clip, "-o", output, "--model", RobustnessModel.Path];

        using (var first = new CliProcess(args))
        {
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (!first.StandardError.Contains(": frame ") && !first.HasExited && DateTime.UtcNow < deadline) Thread.Sleep(5);
            Assert.False(first.HasExited, "finished before it could be killed: " + first.StandardError);
            first.Kill();
        }
        Assert.False(File.Exists(Path.Combine(output, "long.webm")));

        using var second = new CliProcess(args);
        Assert.True(second.WaitForExit(TimeSpan.FromMinutes(3)) == 0, second.StandardError);
        Assert.Equal(["long.webm"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        Assert.Equal("192", Ffmpeg.Text(Ffmpeg.Stream(Ffmpeg.Probe(Path.Combine(output, "long.webm")), "video"), "nb_read_frames"));
    }

    /// <summary>8 s of the photo at 640x480, 24 frames/s: long enough to be stopped midway.</summary>
    public static string LongClip(string folder)
    {
        var clip = Path.Combine(folder, "long.mp4");
        Ffmpeg.Run("-loop", "1", "-framerate", "24", "-i", TestPaths.Astronaut, "-vf", "scale=640:480,format=yuv420p", "-t", "8",
                   "-c:v", "libx264", "-preset", "ultrafast", clip);
        return clip;
    }
}
