using Cutout.Training.Losses;
using Cutout.Training.Models;
using Cutout.Training.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Cutout.Training.Native;

/// <summary>
/// The smallest program that separates libtorch from the trainer: one fixed input batch and fixed weights, forward and
/// backward repeated under each thread count and with oneDNN on and off. No data loading, augmentation, optimizer or
/// managed memory is involved, so a non-finite value here is libtorch's (or the CPU's), and so is a run-to-run spread
/// beyond rounding.
/// </summary>
public static class KernelCheck
{
    public sealed record Result(int Threads, bool OneDnn, int Runs, int NonFinite, double MinGradientNorm, double MaxGradientNorm, double MaxLossDifference);

    public static IEnumerable<Result> Run(string architecture, int size, int batch, int repeats, IReadOnlyList<int> threadCounts)
    {
        torch.manual_seed(7);
        using var model = ModelRegistry.Create(architecture);
        model.FreezeEncoder(false);
        model.train();
        using var inputs = torch.rand(batch, 3, size, size) * 255;
        using var targets = (torch.rand(batch, 1, size, size) > 0.7).to_type(ScalarType.Float32);
        var loss = LossRegistry.Create("bce-jaccard", perImage: false);
        double? referenceLoss = null;
        bool oneDnnBefore = LibTorchNative.OneDnnEnabled;
        try
        {
            foreach (bool oneDnn in new[] { false, true })
                foreach (int threads in threadCounts)
                {
                    LibTorchNative.OneDnnEnabled = oneDnn;
                    torch.set_num_threads(threads);
                    var outcomes = Enumerable.Range(0, repeats).Select(_ => Step(model, loss, inputs, targets)).ToList();
                    referenceLoss ??= outcomes[0].Loss;
                    var finite = outcomes.Where(o => double.IsFinite(o.Loss) && double.IsFinite(o.GradientNorm)).ToList();
                    yield return new Result(threads, oneDnn, repeats, repeats - finite.Count,
                        finite.Count > 0 ? finite.Min(o => o.GradientNorm) : double.NaN,
                        finite.Count > 0 ? finite.Max(o => o.GradientNorm) : double.NaN,
                        finite.Count > 0 ? finite.Max(o => Math.Abs(o.Loss - referenceLoss.Value)) : double.NaN);
                }
        }
        finally { LibTorchNative.OneDnnEnabled = oneDnnBefore; }
    }

    static (double Loss, double GradientNorm) Step(SegmentationModel model, ISegmentationLoss loss, Tensor inputs, Tensor targets)
    {
        using var scope = NewDisposeScope();
        model.zero_grad();
        var value = loss.Compute(model.forward(inputs), targets);
        value.backward();
        return (value.item<float>(), FiniteCheck.GradientNorm(model));
    }
}
