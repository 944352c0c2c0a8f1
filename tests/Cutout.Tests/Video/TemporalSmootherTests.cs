using Cutout.Video;
using Xunit;

namespace Cutout.Tests.Video;

public sealed class TemporalSmootherTests
{
    static AlphaMatte Matte(params float[] values) => new(values.Length, 1, values);

    [Fact]
    public void A_still_pixel_moves_only_part_of_the_way_to_the_new_matte_and_a_moving_one_all_the_way()
    {
        var smoother = new TemporalSmoother();
        smoother.Apply([100, 100, 100, 100], Matte(0, 0, 0, 0));
        var next = Matte(1, 1, 1, 1);
        // still, within the noise, halfway to motion, beyond motion
        smoother.Apply([100, 100 + TemporalSmoother.NoiseLevels, 100 + (TemporalSmoother.NoiseLevels + TemporalSmoother.MotionLevels) / 2, 100 + TemporalSmoother.MotionLevels + 5], next);
        Assert.Equal(TemporalSmoother.StillWeight, next.Values[0], 5);
        Assert.Equal(TemporalSmoother.StillWeight, next.Values[1], 5);
        Assert.InRange(next.Values[2], TemporalSmoother.StillWeight + 0.1f, 0.9f);
        Assert.Equal(1f, next.Values[3], 5);
    }

    [Fact]
    public void Repeated_still_frames_converge_to_the_new_matte()
    {
        var smoother = new TemporalSmoother();
        smoother.Apply([50], Matte(0));
        var matte = Matte(0);
        for (var i = 0; i < 20; i++)
        {
            matte = Matte(1);
            smoother.Apply([50], matte);
        }
        Assert.InRange(matte.Values[0], 0.99f, 1f);
    }

    [Fact]
    public void A_scene_cut_starts_afresh()
    {
        var smoother = new TemporalSmoother();
        smoother.Apply([10, 10, 10, 10], Matte(0, 0, 0, 0));
        // Three pixels change completely, one stays: the mean change is far over the scene-cut level.
        var next = Matte(1, 1, 1, 1);
        smoother.Apply([200, 200, 200, 10], next);
        Assert.All(next.Values, v => Assert.Equal(1f, v));
    }
}
