using Cutout.Training.Training;
using Xunit;

namespace Cutout.Training.Tests.Training;

/// <summary><c>--min-crop</c> and <c>--weight-decay</c>: refused when out of range, carried to the run.</summary>
public sealed class RegularisationOptionsTests
{
    [Theory]
    [InlineData("--min-crop", "0", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--min-crop", "1.5", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--min-crop", "NaN", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--weight-decay", "-0.01", "--weight-decay must be at least 0 and below 1")]
    [InlineData("--weight-decay", "1", "--weight-decay must be at least 0 and below 1")]
    public async Task Out_of_range_values_are_refused_with_the_reason(string option, string value, string message)
    {
        var (code, stdout) = await CutoutTrain.RunAsync(["train", "--data", "nowhere", option, value]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, stdout);
    }

    [Fact]
    public void The_smallest_crop_reaches_the_training_augmentation_only()
    {
        var options = new TrainingOptions { MinCropArea = 0.3, GreyProbability = 0.25, ExposureProbability = 0.1, PasteProbability = 0, ShrinkProbability = 0.5 };
        Assert.Equal(0.3, options.Augmentation.MinCropArea);
        Assert.Equal(0.25, options.Augmentation.GreyProbability);
        Assert.Equal(0.1, options.Augmentation.ExposureProbability);
        Assert.Equal(0, options.Augmentation.PasteProbability);
        Assert.Equal(0.5, options.Augmentation.ShrinkProbability);
        Assert.Same(Cutout.Training.Data.AugmentationOptions.None, (options with { Augment = false }).Augmentation);
    }
}
