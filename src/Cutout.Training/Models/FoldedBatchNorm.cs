using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Cutout.Training.Models;

/// <summary>
/// A BatchNorm whose statistics were folded into the preceding convolution (as in our ONNX exports) and that is restored as
/// the identity affine plus the folded bias: gamma 1, beta = bias, running mean 0, running variance 1 - eps, so its eval-mode
/// output is exactly conv + bias. These exact statistics mark it, in memory and in any checkpoint saved from it; such a layer
/// must stay in eval mode, or train-mode batch statistics replace the folded ones.
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
}
