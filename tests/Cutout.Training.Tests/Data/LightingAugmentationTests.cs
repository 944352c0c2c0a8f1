using Cutout.Training.Data;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Data;

/// <summary>Greyscale and exposure augmentation on a real photo: the statistics move as intended, and probability 0 changes nothing.</summary>
public sealed class LightingAugmentationTests(ITestOutputHelper output)
{
    const int Size = 96, Plane = Size * Size;
    static readonly SegmentationSample Photo = RealPhoto.Astronaut();
    static readonly float[] Plain = Resized();

    static float[] Resized()
    {
        var rgb = new float[3 * Plane];
        SampleResizer.Sample(Photo, SampleResizer.Crop.Whole(Photo), Size, Size, rgb, new float[Plane]);
        return rgb;
    }

    static float[] Render(AugmentationOptions options, int seed)
    {
        var rgb = new float[3 * Plane];
        new Augmenter(options, Size, Size).Render([Photo], 0, new Random(seed), rgb, new float[Plane]);
        return rgb;
    }

    static float[] Applied(ExposureChange change, int seed = 1)
    {
        var rgb = Plain.ToArray();
        change.Apply(rgb, new Random(seed));
        return rgb;
    }

    static (double Mean, double Std) LumaStats(float[] rgb)
    {
        var luma = Enumerable.Range(0, Plane).Select(i => (double)Luminance.At(rgb, i, Plane)).ToArray();
        double mean = luma.Average();
        return (mean, Math.Sqrt(luma.Average(v => (v - mean) * (v - mean))));
    }

    [Fact]
    public void Probability_zero_leaves_the_pixels_untouched()
    {
        var options = AugmentationOptions.None with { GreyProbability = 0, ExposureProbability = 0 };
        for (int seed = 0; seed < 5; seed++) Assert.Equal(Plain, Render(options, seed));
    }

    [Fact]
    public void Grey_makes_the_three_channels_equal_and_keeps_the_luminance()
    {
        double colour = Enumerable.Range(0, Plane).Average(i => Math.Abs(Plain[i] - Plain[Plane + i]) + Math.Abs(Plain[i] - Plain[2 * Plane + i]));
        Assert.True(colour > 10, $"the photo is colourful (mean channel spread {colour:F1}), so equal channels mean something");

        var grey = Render(AugmentationOptions.None with { GreyProbability = 1 }, seed: 1);
        for (int i = 0; i < Plane; i++)
        {
            Assert.Equal(grey[i], grey[Plane + i], 0.01f);
            Assert.Equal(grey[i], grey[2 * Plane + i], 0.01f);
            Assert.Equal(Luminance.At(Plain, i, Plane), grey[i], 0.01f);
        }
    }

    [Fact]
    public void Darkening_scales_the_mean_luminance()
    {
        var before = LumaStats(Plain);
        var after = LumaStats(Applied(new ExposureChange(ExposureKind.Darken, 0.3f, 0)));
        output.WriteLine($"mean luminance {before.Mean:F1} -> {after.Mean:F1}");
        Assert.Equal(0.3 * before.Mean, after.Mean, 0.01);
    }

    [Fact]
    public void Gamma_above_one_darkens_the_mid_tones_below_one_brightens_them_and_keeps_the_order()
    {
        double plain = LumaStats(Plain).Mean;
        var dark = Applied(new ExposureChange(ExposureKind.Gamma, 2f, 0));
        var bright = Applied(new ExposureChange(ExposureKind.Gamma, 0.5f, 0));
        output.WriteLine($"mean luminance {plain:F1}; gamma 2 {LumaStats(dark).Mean:F1}; gamma 0.5 {LumaStats(bright).Mean:F1}");
        Assert.True(LumaStats(dark).Mean < 0.8 * plain);
        Assert.True(LumaStats(bright).Mean > 1.2 * plain);
        var order = Enumerable.Range(0, Plain.Length).OrderBy(i => Plain[i]).ToArray();
        for (int k = 1; k < order.Length; k++) Assert.True(dark[order[k]] >= dark[order[k - 1]], "gamma is monotonic");
    }

    [Fact]
    public void Contrast_scales_the_spread_about_the_mean()
    {
        var before = LumaStats(Plain);
        var after = LumaStats(Applied(new ExposureChange(ExposureKind.Contrast, 0.5f, 0)));
        output.WriteLine($"luminance mean {before.Mean:F1} -> {after.Mean:F1}, std {before.Std:F1} -> {after.Std:F1}");
        Assert.Equal(before.Mean, after.Mean, 0.5);
        Assert.Equal(0.5 * before.Std, after.Std, 0.5);
    }

    [Fact]
    public void Noise_has_the_drawn_sigma()
    {
        var noisy = Applied(new ExposureChange(ExposureKind.Darken, 1f, 4f));
        var residual = noisy.Zip(Plain, (n, p) => (double)(n - p)).Where((_, i) => Plain[i] is > 20 and < 235).ToArray();
        double std = Math.Sqrt(residual.Average(r => r * r));
        output.WriteLine($"noise std {std:F2} for sigma 4");
        Assert.InRange(std, 3.8, 4.2);
        Assert.InRange(residual.Average(), -0.1, 0.1);
    }

    [Fact]
    public void Draws_cover_every_kind_within_its_range()
    {
        var random = new Random(3);
        var draws = Enumerable.Range(0, 600).Select(_ => ExposureChange.Draw(random)).ToArray();
        foreach (var (kind, low, high) in new[] { (ExposureKind.Darken, 0.2f, 0.6f), (ExposureKind.Gamma, 0.5f, 2f), (ExposureKind.Contrast, 0.5f, 1.5f) })
        {
            var amounts = draws.Where(d => d.Kind == kind).Select(d => d.Amount).ToArray();
            Assert.InRange(amounts.Length, 150, 250);
            Assert.All(amounts, a => Assert.InRange(a, low, high));
            Assert.True(amounts.Min() < low + 0.1 * (high - low) && amounts.Max() > high - 0.1 * (high - low), $"{kind} spans its range");
        }
        Assert.All(draws, d => Assert.InRange(d.NoiseSigma, 0, ExposureChange.MaxNoise));
    }

    [Fact]
    public void The_augmenter_changes_exposure_with_the_given_probability()
    {
        var options = AugmentationOptions.None with { GreyProbability = 0, ExposureProbability = 0.5 };
        int changed = Enumerable.Range(0, 60).Count(seed => !Render(options, seed).SequenceEqual(Plain));
        output.WriteLine($"{changed} of 60 renders changed");
        Assert.InRange(changed, 18, 42);
        Assert.All(Enumerable.Range(0, 10), seed => Assert.NotEqual(Plain, Render(options with { ExposureProbability = 1 }, seed)));
    }
}
