using Cutout.Video;
using Xunit;

namespace Cutout.Tests.Video;

/// <summary>
/// Every output frame shows its own input frame, in order: frames are predicted out of order on several threads and
/// their buffers are reused, so a frame that came out twice, swapped places, or was overwritten by a later one while
/// still in use must show here. The clip pans over the photo by 6 pixels a frame, so no two frames are alike.
/// </summary>
public sealed class VideoFrameOrderTests
{
    const int Frames = 48, Rate = 12;
    static readonly Lazy<string> Clip = new(MakeClip);

    // More frames predicted at once than cores, so frames often finish out of order, and more frames than the pipeline
    // holds, so every buffer is used several times.
    readonly VideoRemover _videos = new(Removers.Darkness, parallelFrames: 4);
    readonly string _work = TestTemp.Folder("order-");

    [VideoFact]
    public void Each_frame_of_a_PNG_sequence_has_exactly_its_input_frames_pixels_where_it_is_visible()
    {
        var result = _videos.Remove(Clip.Value, Path.Combine(_work, "cut"), new VideoOptions { Format = VideoFormat.PngSequence });

        var inputs = InputFrames();
        var files = Directory.GetFiles(result.OutputPath).Order().ToArray();
        Assert.Equal(Frames, files.Length);
        for (var f = 0; f < Frames; f++)
        {
            using var output = Photo.Decode(File.ReadAllBytes(files[f]));
            var (visible, wrong) = (0, 0);
            for (var i = 0; i < output.Rgba.Length; i += 4)
            {
                if (output.Rgba[i + 3] == 0) continue;
                visible++;
                if (output.Rgba[i] != inputs[f][i] || output.Rgba[i + 1] != inputs[f][i + 1] || output.Rgba[i + 2] != inputs[f][i + 2]) wrong++;
            }
            Assert.True(visible > output.PixelCount / 20, $"frame {f}: only {visible} visible pixels, too few to tell frames apart");
            Assert.True(wrong == 0, $"frame {f}: {wrong} of its {visible} visible pixels differ from input frame {f}");
        }
    }

    [VideoFact]
    public void Each_frame_of_an_encoded_video_is_closest_to_its_own_input_frame()
    {
        var options = new VideoOptions { Frame = new RemoveOptions { Background = "white" }, Format = VideoFormat.Mp4 };
        var result = _videos.Remove(Clip.Value, Path.Combine(_work, "on white.mp4"), options);

        var inputs = InputFrames();
        var outputs = Ffmpeg.Frames(result.OutputPath, TestClips.Width, TestClips.Height, "rgba");
        Assert.Equal(Frames, outputs.Count);
        for (var f = 0; f < Frames; f++)
        {
            // Only the subject shows the frame; the white around it is the same in all of them.
            var subject = Enumerable.Range(0, outputs[f].Length / 4).Where(p => outputs[f][p * 4] < 200).ToArray();
            var closest = Enumerable.Range(0, Frames).MinBy(i => Difference(outputs[f], inputs[i], subject));
            Assert.True(closest == f, $"output frame {f} looks like input frame {closest}");
        }
    }

    static double Difference(byte[] a, byte[] b, int[] pixels) =>
        pixels.Sum(p => Math.Abs(a[p * 4] - b[p * 4]) + Math.Abs(a[p * 4 + 1] - b[p * 4 + 1]) + Math.Abs(a[p * 4 + 2] - b[p * 4 + 2]))
        / (double)Math.Max(pixels.Length, 1);

    List<byte[]> InputFrames()
    {
        var frames = Ffmpeg.Frames(Clip.Value, TestClips.Width, TestClips.Height, "rgba");
        Assert.Equal(Frames, frames.Count);
        return frames;
    }

    static string MakeClip()
    {
        var path = Path.Combine(TestTemp.Folder("order-clip-"), "pan.mp4");
        Ffmpeg.Run("-loop", "1", "-framerate", $"{Rate}", "-i", TestPaths.Astronaut,
                   "-vf", $"scale=640:640,crop={TestClips.Width}:{TestClips.Height}:x='n*6':y=160,format=yuv420p",
                   "-frames:v", $"{Frames}", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", path);
        return path;
    }
}
