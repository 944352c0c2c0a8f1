using SkiaSharp;
using Xunit;
using static Cutout.Tests.Video.Ffmpeg;

namespace Cutout.Tests.Video;

/// <summary>`cutout remove clip.mp4` end to end: the streams, pixel formats, frames, duration and audio that come out (ffprobe).</summary>
public sealed class VideoOutputTests
{
    readonly string _work = Cli.TempFolder();

    CliResult Remove(params string[] options) =>
        Cli.Run(_work, null, null, ["remove", TestClips.PanZoom, "-o", "out", .. options]);

    string Output(string name) => Path.Combine(_work, "out", name);

    static void AssertFramesAndDuration(System.Text.Json.JsonElement probe)
    {
        var video = Stream(probe, "video");
        Assert.Equal(TestClips.Width, video.GetProperty("width").GetInt32());
        Assert.Equal(TestClips.Height, video.GetProperty("height").GetInt32());
        Assert.Equal($"{TestClips.Frames}", Text(video, "nb_read_frames"));
        Assert.Equal($"{TestClips.Rate}/1", Text(video, "r_frame_rate"));
        Assert.InRange(Duration(probe), TestClips.Seconds - 0.05, TestClips.Seconds + 0.1);
    }

    [VideoFact(needsShippedModel: true)]
    public void Default_is_transparent_VP9_WebM_whose_alpha_clears_the_background_with_audio_frames_and_duration_kept()
    {
        var run = Remove();
        Assert.True(run.ExitCode == 0, run.ToString());
        var probe = Probe(Output("pan zoom.webm"));
        var video = Stream(probe, "video");
        Assert.Equal("vp9", Text(video, "codec_name"));
        Assert.Equal("1", Text(video.GetProperty("tags"), "alpha_mode"));
        AssertFramesAndDuration(probe);
        Assert.Equal("opus", Text(Stream(probe, "audio"), "codec_name"));   // WebM cannot hold the source's AAC

        var frames = Frames(Output("pan zoom.webm"), TestClips.Width, TestClips.Height, "rgba", decoder: "libvpx-vp9");
        Assert.Equal(TestClips.Frames, frames.Count);
        foreach (var rgba in frames)
        {
            Assert.InRange(Images.MeanAlpha(rgba, TestClips.Width, SKRectI.Create(0, 0, 40, 40)), 0, 16);       // top-left: the flag and wall behind her
            Assert.InRange(Images.MeanAlpha(rgba, TestClips.Width, SKRectI.Create(140, 150, 40, 40)), 230, 255); // her suit
        }
    }

    [VideoFact]
    public void Mov_is_ProRes_4444_with_alpha_and_the_audio_packets_unchanged()
    {
        var run = Remove("--model", TestModels.Darkness, "--format", "mov");
        Assert.True(run.ExitCode == 0, run.ToString());
        var probe = Probe(Output("pan zoom.mov"));
        var video = Stream(probe, "video");
        Assert.Equal("prores", Text(video, "codec_name"));
        Assert.Equal("4444", Text(video, "profile"));
        Assert.StartsWith("yuva444p", Text(video, "pix_fmt"));   // written 10-bit; ffprobe names ProRes 4444 as 12-bit
        AssertFramesAndDuration(probe);
        Assert.Equal(AudioPackets(TestClips.PanZoom), AudioPackets(Output("pan zoom.mov")));
    }

    [VideoFact]
    public void A_background_gives_opaque_H264_MP4_with_the_audio_packets_unchanged()
    {
        var run = Remove("--model", TestModels.Darkness, "--bg", "#00ff00");
        Assert.True(run.ExitCode == 0, run.ToString());
        var probe = Probe(Output("pan zoom.mp4"));
        var video = Stream(probe, "video");
        Assert.Equal("h264", Text(video, "codec_name"));
        Assert.Equal("yuv420p", Text(video, "pix_fmt"));
        AssertFramesAndDuration(probe);
        Assert.Equal(AudioPackets(TestClips.PanZoom), AudioPackets(Output("pan zoom.mp4")));
    }

    [VideoFact]
    public void Mask_is_a_greyscale_video_of_the_matte()
    {
        var run = Remove("--model", TestModels.Darkness, "--mask", "--format", "webm");
        Assert.True(run.ExitCode == 0, run.ToString());
        var probe = Probe(Output("pan zoom.webm"));
        Assert.Equal("yuv420p", Text(Stream(probe, "video"), "pix_fmt"));
        AssertFramesAndDuration(probe);
        var frames = Frames(Output("pan zoom.webm"), TestClips.Width, TestClips.Height, "rgba");
        // Grey: every pixel has R = G = B (within the codec's chroma rounding), and both subject and background occur.
        foreach (var rgba in frames)
        {
            for (var i = 0; i < rgba.Length; i += 4)
                Assert.InRange(Math.Abs(rgba[i] - rgba[i + 1]) + Math.Abs(rgba[i + 1] - rgba[i + 2]), 0, 12);
        }
        Assert.Contains(frames[0].Where((_, i) => i % 4 == 0), v => v < 30);
        Assert.Contains(frames[0].Where((_, i) => i % 4 == 0), v => v > 225);
    }

    [VideoFact]
    public void Png_sequence_is_one_RGBA_PNG_per_frame_in_a_folder()
    {
        var run = Remove("--model", TestModels.Darkness, "--format", "png-seq");
        Assert.True(run.ExitCode == 0, run.ToString());
        var folder = Output("pan zoom");
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, TestClips.Frames).Select(i => $"frame-{i:D6}.png"), files);
        using var first = Photo.Decode(File.ReadAllBytes(Path.Combine(folder, files[0]!)));
        Assert.Equal((TestClips.Width, TestClips.Height), (first.Width, first.Height));
        Assert.True(first.HasTransparency);
    }

    [VideoFact]
    public void Mp4_without_a_background_is_a_usage_error()
    {
        var run = Remove("--model", TestModels.Darkness, "--format", "mp4");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot hold transparency", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")) && Directory.EnumerateFileSystemEntries(Path.Combine(_work, "out")).Any());
    }

    [VideoFact]
    public void A_folder_of_photos_and_videos_gives_a_cut_out_for_each()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        File.Copy(TestClips.PanZoom, Path.Combine(input, "clip.mp4"));
        File.Copy(TestPaths.Astronaut, Path.Combine(input, "photo.png"));
        var run = Cli.Run(_work, "remove", "in", "-o", "out", "--model", TestModels.Darkness);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(Output("clip.webm")), run.ToString());
        Assert.True(File.Exists(Output("photo.png")), run.ToString());
    }
}
