using Cutout.Training.Models;
using Cutout.Training.Native;
using Cutout.Training.Tests.Onnx;
using Cutout.Training.Training;
using Xunit;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Training;

/// <summary>
/// With zero gradients Adam leaves every weight where it is, so one step shows the weight decay alone: AdamW shrinks each
/// trained weight by 1 - rate x decay, at its own group's rate.
/// </summary>
[Collection(SeededTorchCollection.Name)]
public sealed class OptimizerFactoryTests
{
    const double DecoderRate = 1e-2, EncoderRate = 1e-3;

    /// <summary>The largest difference between each group's first weight tensor after one step and its value before times the expected factor.</summary>
    static (double Decoder, double Encoder) StepWithZeroGradients(double weightDecay, double decoderFactor, double encoderFactor)
    {
        TorchRuntime.ApplyEnvironment(); // training's kernels: on this CPU oneDNN's gradients can be NaN (issue 16)
        manual_seed(5);
        using var model = ModelRegistry.Create("unet-resnet18", pretrained: false);
        var options = new TrainingOptions { LearningRate = DecoderRate, EncoderLearningRate = EncoderRate, WeightDecay = weightDecay };
        using var optimizer = OptimizerFactory.Create(model, options);
        var decoder = model.DecoderParameters().First(p => p.dim() > 1);
        var encoder = model.EncoderParameters().First(p => p.dim() > 1);
        using var decoderBefore = decoder.detach().clone();
        using var encoderBefore = encoder.detach().clone();

        using (var input = rand(1, 3, 64, 64))
        using (var zero = model.forward(input).sum() * 0)
            zero.backward();
        optimizer.step();

        static double Deviation(Tensor after, Tensor before, double factor) =>
            (after.detach() - before * factor).abs().max().item<float>() / before.abs().max().item<float>();
        return (Deviation(decoder, decoderBefore, decoderFactor), Deviation(encoder, encoderBefore, encoderFactor));
    }

    [Fact]
    public void Without_weight_decay_a_step_with_zero_gradients_changes_nothing()
    {
        var (decoder, encoder) = StepWithZeroGradients(0, 1, 1);
        Assert.True(decoder < 1e-7 && encoder < 1e-7, $"relative change {decoder:E2} (decoder), {encoder:E2} (encoder)");
    }

    [Fact]
    public void Weight_decay_shrinks_each_group_by_its_own_rate()
    {
        const double decay = 0.05;
        var (decoder, encoder) = StepWithZeroGradients(decay, 1 - DecoderRate * decay, 1 - EncoderRate * decay);
        // The shrink itself is 5e-4 (decoder) and 5e-5 (encoder) of each weight: an error of 1e-6 is far below either.
        Assert.True(decoder < 1e-6 && encoder < 1e-6, $"off the expected shrink by {decoder:E2} (decoder), {encoder:E2} (encoder)");
    }
}
