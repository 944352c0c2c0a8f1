using TorchSharp;
using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>Cheap checks that a training step stayed finite, and a description of what went wrong first when it did not.</summary>
public static class FiniteCheck
{
    /// <summary>The L2 norm of all gradients together: one reduction per parameter and a single read back.</summary>
    public static double GradientNorm(nn.Module model)
    {
        using var scope = NewDisposeScope();
        Tensor? total = null;
        foreach (var p in model.parameters())
        {
            if (p.grad is not { } grad) continue;
            var squares = grad.square().sum();
            total = total is null ? squares : total + squares;
        }
        return total is null ? 0 : Math.Sqrt(total.item<float>());
    }

    public static bool AllFinite(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.isfinite().all().item<bool>();
    }

    /// <summary>Names the first of inputs, targets and logits that holds a NaN or infinity; the loss itself otherwise.</summary>
    public static string DescribeLoss(Tensor inputs, Tensor targets, Tensor logits, float loss)
    {
        if (!AllFinite(inputs)) return "the input batch";
        if (!AllFinite(targets)) return "the target masks";
        if (!AllFinite(logits)) return $"the model output (loss {loss})";
        return $"the loss ({loss})";
    }

    /// <summary>Names the first parameter (in model order) whose gradient holds a NaN or infinity.</summary>
    public static string DescribeGradients(nn.Module model, double norm)
    {
        foreach (var (name, p) in model.named_parameters())
            if (p.grad is { } grad && !AllFinite(grad))
                return $"the gradient of {name} (gradient norm {norm})";
        return $"the gradient norm ({norm})";
    }
}
