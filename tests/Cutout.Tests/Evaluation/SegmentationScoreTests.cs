using Xunit;

namespace Cutout.Tests;

public class SegmentationScoreTests
{
    const int W = 100, H = 80;

    static byte[] Square(int left, int top, int size)
    {
        var mask = new byte[W * H];
        for (var y = top; y < top + size; y++)
        for (var x = left; x < left + size; x++)
            mask[y * W + x] = 255;
        return mask;
    }

    static AlphaMatte Matte(byte[] mask, float on = 1f) => new(W, H, mask.Select(m => m > 127 ? on : 0f).ToArray());

    [Fact]
    public void Identical_masks_score_perfectly()
    {
        var mask = Square(20, 20, 40);
        var score = SegmentationScore.Compute(Matte(mask), mask);
        Assert.Equal((1600L, 1600L, 1.0, 1.0, 0.0, 1.0), (score.Intersection, score.Union, score.Iou, score.Dice, score.Mae, score.BoundaryF));
    }

    [Fact]
    public void Half_overlap()
    {
        var truth = Square(20, 20, 40);
        var score = SegmentationScore.Compute(Matte(Square(40, 20, 40)), truth);
        Assert.Equal(800, score.Intersection);
        Assert.Equal(2400, score.Union);
        Assert.Equal(1.0 / 3, score.Iou, 6);
        Assert.Equal(0.5, score.Dice, 6);
        Assert.Equal(1600.0 / (W * H), score.Mae, 6);
    }

    [Fact]
    public void Soft_alpha_counts_in_mae_and_is_thresholded_at_half_for_iou()
    {
        var truth = Square(20, 20, 40);
        var score = SegmentationScore.Compute(Matte(truth, on: 0.6f), truth);
        Assert.Equal(1.0, score.Iou);
        Assert.Equal(0.4 * 1600 / (W * H), score.Mae, 5);
    }

    [Fact]
    public void Boundary_f_tolerates_small_shifts_only()
    {
        var truth = Square(20, 20, 40);
        Assert.Equal(1.0, SegmentationScore.Compute(Matte(Square(22, 21, 40)), truth).BoundaryF);
        Assert.True(SegmentationScore.Compute(Matte(Square(28, 20, 40)), truth).BoundaryF < 0.6);
        Assert.Equal(0.0, SegmentationScore.Compute(Matte(new byte[W * H]), truth).BoundaryF);
    }

    [Fact]
    public void Size_mismatch_is_an_error()
    {
        Assert.Throws<CutoutException>(() => SegmentationScore.Compute(Matte(Square(0, 0, 4)), new byte[10]));
    }
}
