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

    /// <summary>
    /// The expected counts, derived layer by layer: ResNet18 of the CNTK recipe (7x7 stem, basic blocks [2, 2, 2, 3],
    /// 1x1 projection where the shape changes), smp's U-Net decoder (filters 256, 128, 64, 32, 16 over skips of 256, 128,
    /// 64, 64 channels, two 3x3 conv + BN per block, no centre block) and a 3x3 head with bias. A BN layer learns 2 values
    /// per channel and keeps 2 moving statistics per channel.
    /// </summary>
    [Fact]
    public void Resnet18_unet_summary()
    {
        static long Conv(long inChannels, long outChannels, int kernel, bool bias = false) =>
            inChannels * outChannels * kernel * kernel + (bias ? outChannels : 0);
        long bnChannels = 0;
        long Bn(long channels) { bnChannels += channels; return 2 * channels; }
        long Block(long inChannels, long outChannels, bool project) =>
            Conv(inChannels, outChannels, 3) + Bn(outChannels) + Conv(outChannels, outChannels, 3) + Bn(outChannels) +
            (project ? Conv(inChannels, outChannels, 1) + Bn(outChannels) : 0);

        long encoder = Conv(3, 64, 7) + Bn(64);
        foreach (var (inChannels, outChannels, blocks) in new[] { (64, 64, 2), (64, 128, 2), (128, 256, 2), (256, 512, 3) })
            for (var b = 0; b < blocks; b++)
                encoder += Block(b == 0 ? inChannels : outChannels, outChannels, project: b == 0 && inChannels != outChannels);
        long decoder = 0, previous = 512;
        foreach (var (skip, filters) in new[] { (256, 256), (128, 128), (64, 64), (64, 32), (0, 16) })
        {
            decoder += Conv(previous + skip, filters, 3) + Bn(filters) + Conv(filters, filters, 3) + Bn(filters);
            previous = filters;
        }
        decoder += Conv(16, 1, 3, bias: true);

        var text = RunSummary("--arch", "unet-resnet18", "--size", "64");
        Assert.Equal(encoder + decoder, Count(text, "learnable"));
        Assert.Equal(decoder, Count(text, "trainable with the encoder frozen (default)"));
        Assert.Equal($"parameters: {encoder + decoder + 2 * bnChannels}", text.TrimEnd().Split('\n')[^1].Trim());
    }

    [Fact]
    public void Unknown_architecture_is_a_usage_error() =>
        Assert.Throws<ArgumentException>(() => RunSummary("--arch", "unet-resnet50"));
}
