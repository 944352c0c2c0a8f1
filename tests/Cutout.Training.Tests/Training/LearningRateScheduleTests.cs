using Cutout.Training.Training;
using Xunit;

namespace Cutout.Training.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void Constant_keeps_the_base_rate()
    {
        Assert.All(new[] { 0, 50, 999 }, done => Assert.Equal(1.0, LearningRateSchedule.Factor("constant", done, 1000, 100)));
    }

    [Fact]
    public void Cosine_warms_up_linearly_then_decays_to_one_percent()
    {
        double F(int done) => LearningRateSchedule.Factor("cosine", done, 1100, 100);

        Assert.Equal(1.0 / 101, F(0), 9);
        Assert.Equal(51.0 / 101, F(50), 9);
        Assert.Equal(1.0, F(100), 9);
        Assert.Equal(0.505, F(600), 9); // half-way through the decay: halfway between 1 and the 1 % floor
        Assert.Equal(0.01, F(1100), 9);
        Assert.Equal(0.01, F(5000), 9); // a run extended past its planned end stays at the floor

        var decay = Enumerable.Range(100, 1001).Select(F).ToArray();
        Assert.All(decay.Zip(decay.Skip(1)), pair => Assert.True(pair.Second <= pair.First));
    }

    [Fact]
    public async Task Cutout_train_refuses_an_unknown_schedule_before_reading_data()
    {
        var (code, output) = await CutoutTrain.RunAsync(["train", "--data", Path.GetTempPath(), "--schedule", "step"]);

        Assert.Equal(2, code);
        Assert.Contains("--schedule must be constant or cosine", output);
    }

    [Fact]
    public void Unknown_schedule_is_rejected_with_the_choices()
    {
        var e = Assert.Throws<ArgumentException>(() => LearningRateSchedule.Factor("step", 0, 10, 0));
        Assert.Contains("constant or cosine", e.Message);
    }
}
