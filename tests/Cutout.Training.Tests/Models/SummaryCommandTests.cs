using Cutout.Train;
using Cutout.Training.Models;
using Cutout.Training.Models.Summary;
using Xunit;

namespace Cutout.Training.Tests.Models;

/// <summary><c>cutout-train summary</c>: segmentation_models' Keras Unet('vgg16') has exactly these counts.</summary>
public sealed class SummaryCommandTests
{
    static string RunSummary(params string[] args)
    {
        using var output = new StringWriter();
        Assert.Equal(0, SummaryCommand.Run(args, output));
        return output.ToString();
    }

    static long Count(string text, string label)
    {
        var line = text.Split('\n').Select(l => l.Trim()).Last(l => l.StartsWith(label + ":"));
        var number = line[(label.Length + 1)..].Trim().Split(' ')[0].Replace(",", "");
        return long.Parse(number);
    }

    [Fact]
    public void Vgg16_unet_counts_like_keras()
    {
        var text = RunSummary("--arch", "unet-vgg16", "--size", "128");
        var lastLine = text.TrimEnd().Split('\n')[^1].Trim();
        Assert.Equal("parameters: 23752273", lastLine);
        Assert.Equal(23_748_241, Count(text, "learnable"));
        Assert.Equal(9_033_553, Count(text, "trainable with the encoder frozen (default)"));
        Assert.Contains("block5_pool", text);
        Assert.Contains("center_block2_conv", text);
        Assert.Contains("random init", text);
    }

    [Fact]
    public void Vgg16_unet_summary_matches_the_model_itself()
    {
        using var model = ModelRegistry.Create("unet-vgg16", pretrained: false);
        var summary = ModelSummary.Of(model, 128, 128);
        Assert.Equal(14_714_688, summary.EncoderLearnable);
        Assert.Equal(4_032, summary.MovingStatistics);
        Assert.Equal(23_752_273, summary.KerasTotal);
        Assert.Equal([1L, 128, 128], summary.Rows[^1].OutputShape);

        model.FreezeEncoder(true);
        Assert.Equal(9_033_553, model.parameters().Where(p => p.requires_grad).Sum(p => p.numel()));
    }

    [Fact]
    public void Resnet18_unet_summary()
    {
        var text = RunSummary("--arch", "unet-resnet18", "--size", "64");
        Assert.Equal(15_897_152 + 3_151_697, Count(text, "learnable"));
        Assert.Equal(3_151_697, Count(text, "trainable with the encoder frozen (default)"));
        Assert.Equal("parameters: 19062481", text.TrimEnd().Split('\n')[^1].Trim());
    }

    [Fact]
    public void Unknown_architecture_is_a_usage_error() =>
        Assert.Throws<ArgumentException>(() => RunSummary("--arch", "unet-resnet50"));
}
