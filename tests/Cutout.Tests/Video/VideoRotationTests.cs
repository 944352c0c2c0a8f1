using Xunit;

namespace Cutout.Tests.Video;

/// <summary>A phone clip stored sideways with a rotation tag comes out upright, at its displayed size.</summary>
public sealed class VideoRotationTests
{
    [VideoFact]
    public void A_clip_tagged_as_rotated_comes_out_upright_at_its_displayed_size()
    {
        var work = Cli.TempFolder();
        var rotated = Path.Combine(work, "portrait.mp4");
        Ffmpeg.Run("-i", TestClips.PanZoom, "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated);
        var video = Ffmpeg.Stream(Ffmpeg.Probe(rotated), "video");
        Assert.Equal(TestClips.Width, video.GetProperty("width").GetInt32());   // stored sideways

        var run = Cli.Run(work, "remove", rotated, "-o", "out", "--model", TestModels.Darkness);
        Assert.True(run.ExitCode == 0, run.ToString());
        var output = Ffmpeg.Probe(Path.Combine(work, "out", "portrait.webm"));
        var written = Ffmpeg.Stream(output, "video");
        Assert.Equal((TestClips.Height, TestClips.Width), (written.GetProperty("width").GetInt32(), written.GetProperty("height").GetInt32()));
        Assert.Equal($"{TestClips.Frames}", Ffmpeg.Text(written, "nb_read_frames"));
    }
}
