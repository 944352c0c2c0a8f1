using System.Text;
using Xunit;

namespace Cutout.Tests.Video;

/// <summary>Bad videos and a missing ffmpeg: one clear line each, exit code 1 as for photos, nothing written or overwritten.</summary>
public sealed class VideoBadInputTests
{
    readonly string _work = Cli.TempFolder();

    (CliResult Run, string Output) Remove(string name, byte[] content, IDictionary<string, string>? environment = null)
    {
        var input = Path.Combine(_work, name);
        File.WriteAllBytes(input, content);
        var run = Cli.Run(_work, null, environment, ["remove", input, "-o", "out", "--model", TestModels.Darkness]);
        Assert.Equal(content, File.ReadAllBytes(input));
        return (run, Path.Combine(_work, "out"));
    }

    static void AssertOneClearLine(CliResult run, string expected)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        var failures = run.Stderr.Split('\n').Where(l => l.StartsWith("cutout: /")).ToArray();
        var line = Assert.Single(failures);
        Assert.Contains(expected, line);
        Assert.DoesNotContain("   at ", run.Stderr);
    }

    static void AssertNothingWritten(string output) =>
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output, "*", SearchOption.AllDirectories).Any());

    [VideoFact]
    public void A_text_file_named_mp4_is_not_a_video()
    {
        var (run, output) = Remove("notes.mp4", Encoding.UTF8.GetBytes("shopping list: eggs, flour\n"));
        AssertOneClearLine(run, "notes.mp4: Not a readable video");
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void A_clip_cut_off_before_its_index_is_refused()
    {
        var bytes = File.ReadAllBytes(TestClips.PanZoom);
        var (run, output) = Remove("cut.mp4", bytes[..(bytes.Length / 2)]);
        AssertOneClearLine(run, "cut.mp4: Not a readable video");
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void A_clip_cut_off_after_its_index_is_refused_as_truncated()
    {
        var streamable = Path.Combine(_work, "streamable.mp4");
        Ffmpeg.Run("-i", TestClips.PanZoom, "-c", "copy", "-movflags", "+faststart", streamable);
        var bytes = File.ReadAllBytes(streamable);
        var (run, output) = Remove("cut.mp4", bytes[..(bytes.Length / 2)]);
        AssertOneClearLine(run, "truncated or damaged");
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void A_file_with_sound_only_has_no_video_stream()
    {
        var sound = Path.Combine(_work, "tone.m4a");
        Ffmpeg.Run("-f", "lavfi", "-i", "sine=frequency=440:duration=1", "-c:a", "aac", sound);
        var (run, output) = Remove("tone.mp4", File.ReadAllBytes(sound));
        AssertOneClearLine(run, "tone.mp4: The file has no video stream");
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void A_frame_size_over_the_pixel_limit_is_refused_before_decoding()
    {
        var header = Encoding.ASCII.GetBytes("YUV4MPEG2 W16000 H8000 F25:1 Ip A1:1 C420jpeg\nFRAME\n");
        var (run, output) = Remove("huge.y4m", [.. header, .. new byte[4096]]);
        AssertOneClearLine(run, "16000x8000");
        Assert.Contains("the limit is 100,000,000 pixels", run.Stderr);
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void A_missing_ffmpeg_is_named_with_how_to_install_it()
    {
        var environment = new Dictionary<string, string> { ["CUTOUT_FFPROBE"] = "/nonexistent/ffprobe" };
        var (run, output) = Remove("clip.mp4", File.ReadAllBytes(TestClips.PanZoom), environment);
        AssertOneClearLine(run, "Video needs ffprobe");
        Assert.Contains("apt-get install ffmpeg", run.Stderr);
        AssertNothingWritten(output);
    }

    [VideoFact]
    public void An_output_that_would_replace_the_input_is_refused_and_an_existing_output_is_kept()
    {
        var input = Path.Combine(_work, "clip.webm");
        File.Copy(TestClips.PanZoom, input);
        var before = File.ReadAllBytes(input);
        var run = Cli.Run(_work, "remove", input, "-o", _work, "--model", TestModels.Darkness);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("would overwrite the input", run.Stderr);
        Assert.Equal(before, File.ReadAllBytes(input));

        var existing = Directory.CreateDirectory(Path.Combine(_work, "out")).FullName;
        File.WriteAllText(Path.Combine(existing, "clip.webm"), "earlier result");
        run = Cli.Run(_work, "remove", input, "-o", "out", "--model", TestModels.Darkness);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped", run.Output);
        Assert.Equal("earlier result", File.ReadAllText(Path.Combine(existing, "clip.webm")));
    }
}
