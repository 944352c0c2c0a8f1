using Cutout.Video;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Tests.Video;

/// <summary>Through the library with the shipped model: smoothing lowers the flicker figure and keeps per-frame IoU.</summary>
public sealed class VideoSmoothingTests(ITestOutputHelper log)
{
    static readonly Lazy<BackgroundRemover> Model = new(() => BackgroundRemover.Load(intraOpThreads: 1));

    [VideoFact(needsShippedModel: true)]
    public void Smoothing_lowers_flicker_on_a_still_noisy_clip_without_lowering_IoU()
    {
        var work = TestTemp.Folder("smoothing-");
        var videos = new VideoRemover(Model.Value);
        var options = new VideoOptions { Frame = new RemoveOptions { Mask = true }, Format = VideoFormat.PngSequence };
        var smooth = videos.Remove(TestClips.StillNoisy, Path.Combine(work, "smooth"), options);
        var raw = videos.Remove(TestClips.StillNoisy, Path.Combine(work, "raw"), options with { Smooth = false });

        var reference = CleanFrameMask(work);
        var smoothIou = Ious(smooth.OutputPath, reference);
        var rawIou = Ious(raw.OutputPath, reference);
        log.WriteLine($"flicker {raw.Flicker:F3} -> {smooth.Flicker:F3} levels; mean IoU vs the clean photo {rawIou.Average():F4} -> {smoothIou.Average():F4}, " +
                      $"lowest {rawIou.Min():F4} -> {smoothIou.Min():F4}");
        Assert.Equal(TestClips.Frames, smooth.Frames);
        Assert.True(raw.Flicker > 0, "the noisy clip must flicker without smoothing for the comparison to mean anything");
        Assert.True(smooth.Flicker < 0.7 * raw.Flicker, $"flicker {raw.Flicker:F3} without smoothing, {smooth.Flicker:F3} with it");
        Assert.True(smoothIou.Average() >= rawIou.Average() - 0.002, $"mean IoU {rawIou.Average():F4} without smoothing, {smoothIou.Average():F4} with it");
    }

    [VideoFact(needsShippedModel: true)]
    public void Smoothing_does_not_lag_behind_a_moving_subject()
    {
        var work = TestTemp.Folder("smoothing-motion-");
        var videos = new VideoRemover(Model.Value);
        var options = new VideoOptions { Frame = new RemoveOptions { Mask = true }, Format = VideoFormat.PngSequence };
        var smooth = videos.Remove(TestClips.PanZoom, Path.Combine(work, "smooth"), options);
        var raw = videos.Remove(TestClips.PanZoom, Path.Combine(work, "raw"), options with { Smooth = false });
        var agreement = Frames(smooth.OutputPath).Zip(Frames(raw.OutputPath), (s, r) => SegmentationScore.Compute(s, Mask(r)).Iou).ToList();
        log.WriteLine($"pan/zoom flicker {raw.Flicker:F3} -> {smooth.Flicker:F3} levels; IoU smoothed vs raw: mean {agreement.Average():F4}, lowest {agreement.Min():F4}");
        Assert.True(agreement.Average() > 0.975 && agreement.Min() > 0.94, $"IoU between smoothed and raw mattes: mean {agreement.Average():F4}, lowest {agreement.Min():F4}");
    }

    static List<double> Ious(string folder, byte[] reference) =>
        [.. Frames(folder).Select(matte => SegmentationScore.Compute(matte, reference).Iou)];

    static IEnumerable<AlphaMatte> Frames(string folder) =>
        Directory.GetFiles(folder, "frame-*.png").Order().Select(file =>
        {
            using var photo = Photo.Decode(File.ReadAllBytes(file));
            var values = new float[photo.PixelCount];
            for (var i = 0; i < values.Length; i++) values[i] = photo.Rgba[i * 4] / 255f;
            return new AlphaMatte(photo.Width, photo.Height, values);
        });

    static byte[] Mask(AlphaMatte matte) => matte.ToBytes();

    /// <summary>The model's matte of the photo framed like the clip, without the noise: what every frame should show.</summary>
    static byte[] CleanFrameMask(string work)
    {
        var clean = Path.Combine(work, "clean.png");
        Ffmpeg.Run("-i", TestPaths.Astronaut, "-vf", $"scale=640:640,crop=640:480,scale={TestClips.Width}:{TestClips.Height}", "-frames:v", "1", clean);
        using var photo = Photo.Decode(File.ReadAllBytes(clean));
        return Model.Value.PredictAlpha(photo).ToBytes();
    }
}
