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
        var smooth = videos.Remove(TestClips.FastPan, Path.Combine(work, "smooth"), options);
        var raw = videos.Remove(TestClips.FastPan, Path.Combine(work, "raw"), options with { Smooth = false });
        // The camera pans right, so the subject moves left; a matte that trails it sits to the right of the unsmoothed one
        // (a positive offset), frame after frame. Without the motion guidance the offset is about +3.4 px here.
        var rawCentres = Frames(raw.OutputPath).Select(CentreX).ToList();
        Assert.True(rawCentres[^1] < rawCentres[0] - 20, $"the subject should move left: centre {rawCentres[0]:F1} -> {rawCentres[^1]:F1}");
        var trail = Frames(smooth.OutputPath).Select(CentreX).Zip(rawCentres, (s, r) => s - r).Skip(1).ToList();
        log.WriteLine($"fast pan flicker {raw.Flicker:F3} -> {smooth.Flicker:F3} levels; smoothed matte centre minus unsmoothed: " +
                      $"mean {trail.Average():F2} px, largest {trail.Max(Math.Abs):F2} px");
        Assert.True(trail.Average() < 1.5, $"the smoothed matte trails the subject by {trail.Average():F2} px on average");
    }

    static double CentreX(AlphaMatte matte)
    {
        double weighted = 0, total = 0;
        for (var i = 0; i < matte.Values.Length; i++)
        {
            weighted += matte.Values[i] * (i % matte.Width);
            total += matte.Values[i];
        }
        return weighted / Math.Max(total, 1e-6);
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

    /// <summary>The model's matte of the photo framed like the clip, without the noise: what every frame should show.</summary>
    static byte[] CleanFrameMask(string work)
    {
        var clean = Path.Combine(work, "clean.png");
        Ffmpeg.Run("-i", TestPaths.Astronaut, "-vf", $"scale=640:640,crop=640:480,scale={TestClips.Width}:{TestClips.Height}", "-frames:v", "1", clean);
        using var photo = Photo.Decode(File.ReadAllBytes(clean));
        return Model.Value.PredictAlpha(photo).ToBytes();
    }
}
