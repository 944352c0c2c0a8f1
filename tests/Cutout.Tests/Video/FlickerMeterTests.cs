using Cutout.Video;
using Xunit;

namespace Cutout.Tests.Video;

public sealed class FlickerMeterTests
{
    [Fact]
    public void Counts_alpha_change_in_8_bit_levels_where_the_picture_is_still_and_the_subject_is()
    {
        var meter = new FlickerMeter();
        meter.Add([100, 100, 100, 100], [0.2f, 0f, 0.5f, 1f]);
        // pixel 0: still, alpha +0.2; 1: still background, 0 both times (not counted); 2: the picture moved (not counted); 3: still, steady
        meter.Add([100, 100, 100 + FlickerMeter.StillLevels + 1, 100 + FlickerMeter.StillLevels], [0.4f, 0f, 0f, 1f]);
        Assert.Equal(2, meter.Pixels);
        Assert.Equal((102 - 51 + 0) / 2.0, meter.Flicker, 6);
    }

    [Fact]
    public void A_steady_matte_scores_zero_and_one_frame_counts_nothing()
    {
        var meter = new FlickerMeter();
        meter.Add([10, 20], [0.3f, 1f]);
        Assert.Equal(0, meter.Pixels);
        meter.Add([12, 18], [0.3f, 1f]);
        Assert.Equal(2, meter.Pixels);
        Assert.Equal(0, meter.Flicker);
    }
}
