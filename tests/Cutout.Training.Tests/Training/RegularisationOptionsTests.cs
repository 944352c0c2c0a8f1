using Cutout.Training.Training;
using Xunit;

namespace Cutout.Training.Tests.Training;

/// <summary>The augmentation options reach the training augmentation only (their refusals: <see cref="BadOptionTests"/>).</summary>
public sealed class RegularisationOptionsTests
{
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
