using Xunit;

namespace Cutout.Training.Tests.Training;

/// <summary>Options a run cannot start with are refused, with the reason, before any data is read.</summary>
public sealed class BadOptionTests
{
    [Theory]
    [InlineData("--min-crop", "0", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--min-crop", "1.5", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--min-crop", "NaN", "--min-crop is the smallest share of a photo's area")]
    [InlineData("--weight-decay", "-0.01", "--weight-decay must be at least 0 and below 1")]
    [InlineData("--weight-decay", "1", "--weight-decay must be at least 0 and below 1")]
    [InlineData("--train-sizes", "64,100", "--size and --train-sizes must be positive multiples of 32")]
    [InlineData("--train-sizes", "64,x", "--train-sizes: '64,x' is not a valid number")]
    [InlineData("--train-sizes", "64,99999999999", "--train-sizes: '64,99999999999' is not a valid number")]
    [InlineData("--source-weights", "voc", "'voc' is not SOURCE=WEIGHT")]
    [InlineData("--source-weights", "voc=-1", "'voc=-1' is not SOURCE=WEIGHT")]
    [InlineData("--source-weights", "voc=lots", "'voc=lots' is not SOURCE=WEIGHT")]
    [InlineData("--source-weights", "voc=NaN", "'voc=NaN' is not SOURCE=WEIGHT")]
    [InlineData("--source-weights", "voc=2,voc=3", "'voc' is given twice")]
    public async Task Out_of_range_or_unreadable_values_are_refused_with_the_reason(string option, string value, string message)
    {
        var (code, stdout) = await CutoutTrain.RunAsync(["train", "--data", "nowhere", option, value]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, stdout);
    }
}
