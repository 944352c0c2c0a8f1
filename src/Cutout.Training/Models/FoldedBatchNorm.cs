using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models;

/// <summary>
/// A BatchNorm whose statistics were folded into the preceding convolution (as in our ONNX exports) and that is restored as
/// the identity affine plus the folded bias: gamma 1, beta = bias, running mean 0, running variance 1 - eps, so its eval-mode
/// output is exactly conv + bias. These exact statistics mark it, in memory and in any checkpoint saved from it; such a layer
/// must stay in eval mode, or train-mode batch statistics replace the folded ones, unless <see cref="Unfold"/> first gives it
/// statistics measured on real inputs.
/// </summary>
public static class FoldedBatchNorm
{
    public static void Restore(BatchNorm2d bn, Tensor? bias)
    {
        using var _ = no_grad();
        bn.weight!.fill_(1);
        if (bias is null) bn.bias!.zero_();
        else bn.bias!.copy_(bias);
        bn.running_mean!.zero_();
        bn.running_var!.fill_(1 - bn.eps);
    }

    public static bool IsFolded(BatchNorm2d bn)
    {
        float identityVariance = (float)(1 - bn.eps);
        return bn.running_mean!.data<float>().ToArray().All(m => m == 0)
            && bn.running_var!.data<float>().ToArray().All(v => v == identityVariance);
    }

    public static IReadOnlyList<BatchNorm2d> In(nn.Module model) => model.modules().OfType<BatchNorm2d>().Where(IsFolded).ToList();

    /// <summary>
    /// Gives every folded BatchNorm of <paramref name="model"/> the mean m and variance v of its input over
    /// <paramref name="inputs"/> (raw 0-255 image batches), with gamma = sqrt(v + eps) and beta = bias + m, so it computes
    /// what it did in eval mode and, in train mode, normalises by batch statistics near those: an ordinary BatchNorm again.
    /// Each input is disposed once measured. Returns how many were unfolded.
    /// </summary>
    public static int Unfold(Unet model, IEnumerable<Tensor> inputs)
    {
        var moments = In(model).ToDictionary<BatchNorm2d, BatchNorm2d, ChannelMoments>(bn => bn, _ => new(), ReferenceEqualityComparer.Instance);
        if (moments.Count == 0) return 0;
        var wasTraining = model.training;
        model.eval();
        List<KeyValuePair<BatchNorm2d, ChannelMoments>> measured;
        using (no_grad())
        {
            var runner = new LayerRunner((bn, x) => moments.GetValueOrDefault(bn)?.Add(x));
            foreach (var input in inputs)
            {
                using var scope = NewDisposeScope();
                using var _ = input;
                new ModelWalker<Tensor>(runner).Unet(input, model);
            }
            measured = moments.Where(p => p.Value.Count > 0).ToList();
            foreach (var (bn, m) in measured)
            {
                using var scope = NewDisposeScope();
                using var __ = m;
                var (mean, variance) = m.MeanAndVariance();
                bn.running_mean!.copy_(mean.to_type(ScalarType.Float32));
                bn.running_var!.copy_(variance.to_type(ScalarType.Float32));
                bn.weight!.copy_((variance + bn.eps).sqrt().to_type(ScalarType.Float32));
                bn.bias!.add_(mean.to_type(ScalarType.Float32));
            }
        }
        model.train(wasTraining);
        return measured.Count;
    }

    /// <summary>Per-channel sums of a layer's inputs (float64), for their mean and population variance.</summary>
    sealed class ChannelMoments : IDisposable
    {
        Tensor? sum, squares;
        long count;

        public long Count => count;

        public void Add(Tensor x)
        {
            using var values = x.to_type(ScalarType.Float64);
            using var s = values.sum([0, 2, 3]);
            using var q = (values * values).sum([0, 2, 3]);
            if (sum is null) (sum, squares) = (s.clone().DetachFromDisposeScope(), q.clone().DetachFromDisposeScope());
            else { sum.add_(s); squares!.add_(q); }
            count += x.shape[0] * x.shape[2] * x.shape[3];
        }

        /// <summary>Float64, in the caller's dispose scope.</summary>
        public (Tensor Mean, Tensor Variance) MeanAndVariance()
        {
            var mean = sum! / count;
            return (mean, (squares! / count - mean * mean).clamp_min(0));
        }

        public void Dispose()
        {
            sum?.Dispose();
            squares?.Dispose();
        }
    }
}
