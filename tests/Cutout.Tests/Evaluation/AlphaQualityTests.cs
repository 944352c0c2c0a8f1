using Xunit;

namespace Cutout.Tests;

/// <summary>Smudge, translucent, empty and edge MAE on hand-made masks whose answers are counted by hand.</summary>
public class AlphaQualityTests
{
    const int W = 100, H = 80;

    // A 40x40 subject at (20, 20). Core subject: more than 4 px inside, 32x32. Core background: more than 4 px outside
    // the 48x48 square around it. The rest is the edge band: 576 px inside the outline and 704 outside.
    const int CoreSubject = 32 * 32, CoreBackground = W * H - 48 * 48, EdgeInside = 40 * 40 - 32 * 32, EdgeOutside = 48 * 48 - 40 * 40;

    static byte[] Truth()
    {
        var mask = new byte[W * H];
        for (var y = 20; y < 60; y++)
        for (var x = 20; x < 60; x++)
            mask[y * W + x] = 255;
        return mask;
    }

    static AlphaMatte Exact(byte[] truth) => new(W, H, truth.Select(t => t / 255f).ToArray());

    static void Fill(AlphaMatte matte, int left, int top, int size, float alpha)
    {
        for (var y = top; y < top + size; y++)
        for (var x = left; x < left + size; x++)
            matte.Values[y * W + x] = alpha;
    }

    [Fact]
    public void Regions_split_the_mask_four_pixels_either_side_of_its_outline()
    {
        var regions = TruthRegions.Of(Truth(), W, H);
        Assert.Equal(CoreSubject, regions.Regions.Count(r => r == TruthRegions.Kind.Subject));
        Assert.Equal(CoreBackground, regions.Regions.Count(r => r == TruthRegions.Kind.Background));
        Assert.Equal(TruthRegions.Kind.Edge, regions.Regions[23 * W + 40]);
        Assert.Equal(TruthRegions.Kind.Subject, regions.Regions[24 * W + 24]);
        Assert.Equal(TruthRegions.Kind.Edge, regions.Regions[16 * W + 16]);
        Assert.Equal(TruthRegions.Kind.Background, regions.Regions[15 * W + 15]);
    }

    [Fact]
    public void A_perfect_matte_scores_zero_everywhere()
    {
        var truth = Truth();
        var q = AlphaQuality.Compute(Exact(truth), truth);
        Assert.Equal(new PixelShare(0, CoreBackground), q.Smudge);
        Assert.Equal(new PixelShare(0, CoreSubject), q.Translucent);
        Assert.Equal(0, q.Edge.Mae);
        Assert.Equal(EdgeInside + EdgeOutside, q.Edge.Pixels);
        Assert.False(q.Empty);
    }

    [Fact]
    public void Smudge_counts_background_alpha_above_two_percent_only()
    {
        var truth = Truth();
        var matte = Exact(truth);
        Fill(matte, 0, 0, 10, 0.05f);      // a visible veil in a corner
        Fill(matte, 80, 60, 10, 0.015f);   // 4/255: below the limit
        Fill(matte, 61, 30, 3, 0.5f);      // 2-4 px from the outline, in the edge band: not counted as smudge
        var q = AlphaQuality.Compute(matte, truth);
        Assert.Equal(new PixelShare(100, CoreBackground), q.Smudge);
        Assert.Equal(100.0 / CoreBackground, q.Smudge.Share, 12);
        Assert.Equal(0, q.Translucent.Count);
    }

    [Fact]
    public void Translucent_counts_subject_alpha_below_ninety_percent_only()
    {
        var truth = Truth();
        var matte = Exact(truth);
        Fill(matte, 30, 30, 10, 0.8f);
        Fill(matte, 45, 45, 5, 0.95f);
        var q = AlphaQuality.Compute(matte, truth);
        Assert.Equal(new PixelShare(100, CoreSubject), q.Translucent);
        Assert.Equal(0, q.Smudge.Count);
        Assert.False(q.Empty);
    }

    [Fact]
    public void Edge_mae_is_the_mean_error_in_the_band_only()
    {
        var truth = Truth();
        var matte = Exact(truth);
        Fill(matte, 16, 16, 48, 0.6f);     // the whole band (and the core subject, not in the band) at 0.6
        var q = AlphaQuality.Compute(matte, truth);
        Assert.Equal((EdgeInside * 0.4 + EdgeOutside * 0.6) / (EdgeInside + EdgeOutside), q.Edge.Mae, 6);
        Assert.Equal(CoreSubject, q.Translucent.Count);
    }

    [Fact]
    public void Edge_mae_measures_against_a_soft_ground_truth()
    {
        var truth = Truth();
        for (var i = 20; i < 60; i++)        // the subject's outermost ring is half covered
            truth[20 * W + i] = truth[59 * W + i] = truth[i * W + 20] = truth[i * W + 59] = 128;
        var hard = new AlphaMatte(W, H, truth.Select(t => t > 127 ? 1f : 0f).ToArray());
        var q = AlphaQuality.Compute(hard, truth);
        Assert.Equal(156 * (1 - 128 / 255.0) / (EdgeInside + EdgeOutside), q.Edge.Mae, 6);
        Assert.Equal(0, AlphaQuality.Compute(Exact(truth), truth).Edge.Mae, 12);
    }

    [Fact]
    public void Empty_means_a_subject_in_the_mask_and_nothing_at_half_alpha()
    {
        var truth = Truth();
        var faint = new AlphaMatte(W, H, Enumerable.Repeat(0.49f, W * H).ToArray());
        Assert.True(AlphaQuality.Compute(faint, truth).Empty);
        faint.Values[0] = 0.5f;
        Assert.False(AlphaQuality.Compute(faint, truth).Empty);
        Assert.False(AlphaQuality.Compute(new AlphaMatte(W, H, new float[W * H]), new byte[W * H]).Empty);
    }

    [Fact]
    public void Shares_pool_by_adding_counts()
    {
        Assert.Equal(0.25, (new PixelShare(1, 1) + new PixelShare(0, 3)).Share);
        Assert.Equal(0.5, (new EdgeError(1, 1) + new EdgeError(1, 3)).Mae);
        Assert.Equal(0, new PixelShare(0, 0).Share);
    }

    [Fact]
    public void Size_mismatch_is_an_error() =>
        Assert.Throws<CutoutException>(() => AlphaQuality.Compute(new AlphaMatte(W, H, new float[W * H]), new byte[10]));
}
