using Cutout.Training.Models;
using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>
/// The weighted mean of several models' weights (a "model soup"). Models fine-tuned from one start usually sit in one
/// basin, where the mean of their weights generalises at least as well as each of them; models from different starts
/// do not, and averaging them gives nonsense. Floating-point parameters and buffers (BatchNorm statistics included) are
/// averaged; integer buffers (BatchNorm's batch counts) come from the first model.
/// </summary>
public static class WeightAverage
{
    public static void Into(SegmentationModel target, IReadOnlyList<SegmentationModel> sources, IReadOnlyList<double> weights)
    {
        if (sources.Count == 0) throw new ArgumentException("nothing to average");
        if (weights.Count != sources.Count)
            throw new ArgumentException($"{weights.Count} weights for {sources.Count} models");
        if (weights.Any(w => !double.IsFinite(w) || w < 0) || weights.Sum() <= 0)
            throw new ArgumentException("the weights must be non-negative and not all zero");

        var states = sources.Select(source => source.state_dict()).ToList();
        var targetState = target.state_dict();
        for (int i = 0; i < states.Count; i++) RequireSameTensors(targetState, states[i], i + 1);

        double total = weights.Sum();
        using var _ = no_grad();
        foreach (var (name, into) in targetState)
        {
            if (!into.is_floating_point())
            {
                into.copy_(states[0][name]);
                continue;
            }
            using var sum = zeros_like(into, dtype: ScalarType.Float64);
            for (int i = 0; i < states.Count; i++)
            {
                using var value = states[i][name].to_type(ScalarType.Float64);
                sum.add_(value, alpha: weights[i] / total);
            }
            into.copy_(sum);
        }
    }

    static void RequireSameTensors(Dictionary<string, Tensor> target, Dictionary<string, Tensor> source, int number)
    {
        foreach (var (name, tensor) in target)
        {
            if (!source.TryGetValue(name, out var other))
                throw new InvalidOperationException($"model {number} has no tensor {name}: not the same architecture");
            if (!other.shape.SequenceEqual(tensor.shape))
                throw new InvalidOperationException(
                    $"model {number}'s {name} is [{string.Join(", ", other.shape)}], not [{string.Join(", ", tensor.shape)}]");
        }
        var extra = source.Keys.FirstOrDefault(name => !target.ContainsKey(name));
        if (extra is not null)
            throw new InvalidOperationException($"model {number} has a tensor {extra} the architecture lacks");
    }
}
