using Xunit;

namespace Cutout.Tests.Video;

/// <summary>
/// An encoder that dies while frames are being decoded and predicted: its own message is the one reported, on one line,
/// and nothing is left at the output, though every other stage was busy when it died.
/// </summary>
public sealed class VideoEncoderFailureTests
{
    [VideoFact]
    public void A_failing_encoder_is_reported_with_its_message_and_leaves_nothing()
    {
        var work = Cli.TempFolder();
        // ffmpeg for decoding (it writes frames to pipe:1); an encoder (it reads them from pipe:0) that refuses at once.
        var fakeFfmpeg = Path.Combine(work, "ffmpeg-without-encoder");
        File.WriteAllText(fakeFfmpeg, """
            #!/bin/sh
            case "$*" in *pipe:0*) echo "encoder unavailable in this test" >&2; exit 1;; esac
            exec ffmpeg "$@"
            """.Replace("\r", ""));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fakeFfmpeg, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var run = Cli.Run(work, null, new Dictionary<string, string> { ["CUTOUT_FFMPEG"] = fakeFfmpeg },
            ["remove", TestClips.PanZoom, "-o", "out", "--model", TestModels.Darkness]);

        Assert.True(run.ExitCode == 1, run.ToString());
        var line = Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("cutout: /"));
        Assert.Contains("The video encoder stopped (encoder unavailable in this test)", line);
        Assert.DoesNotContain("   at ", run.Stderr);
        var output = Path.Combine(work, "out");
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output, "*", SearchOption.AllDirectories).Any(),
            "something was left in the output folder");
    }
}
