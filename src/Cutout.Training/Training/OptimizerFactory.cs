using Cutout.Training.Models;
using TorchSharp;
using TorchSharp.Modules;

namespace Cutout.Training.Training;

/// <summary>
/// The run's optimizer: one parameter group for the decoder (and any block after the encoder), one for the encoder when it
/// trains. Adam; AdamW (decoupled weight decay on every trained weight) when the run asks for weight decay.
/// </summary>
public static class OptimizerFactory
{
    public static OptimizerHelper Create(SegmentationModel model, TrainingOptions options)
    {
        var groups = new List<(IEnumerable<Parameter> Parameters, double Rate)> { (model.DecoderParameters(), options.LearningRate) };
        if (!options.FreezeEncoder) groups.Add((model.EncoderParameters(), options.EncoderLearningRate));
        if (options.WeightDecay <= 0)
            return torch.optim.Adam(groups.Select(g => new Adam.ParamGroup(g.Parameters, new Adam.Options { LearningRate = g.Rate })),
                options.LearningRate);
        return torch.optim.AdamW(
            groups.Select(g => new AdamW.ParamGroup(g.Parameters, new AdamW.Options { LearningRate = g.Rate, weight_decay = options.WeightDecay })),
            options.LearningRate, weight_decay: options.WeightDecay);
    }
}
