using Cutout.Tests;
using Cutout.Training.Onnx.Proto;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Training.Tests.Onnx;

/// <summary>The shipped models quantized by <c>cutout-train quantize</c>: fused by ONNX Runtime, and masks like the float ones.</summary>
public sealed class ShippedInt8Tests(ITestOutputHelper output)
{
    const int Photos = 10;

    [FloatOriginalTheory]
    [InlineData("people-unet-resnet18")]
    [InlineData("general-unet-resnet18")]
    public void Onnx_runtime_runs_all_convolutions_but_the_head_as_QLinearConv(string name)
    {
        var convs = OnnxModel.Load(ShippedQuantization.FloatOriginal(name)!).Graph.Nodes.Count(n => n.OpType == "Conv");
        var optimized = OptimizedGraph.Nodes(ShippedQuantization.Quantized(name, activations: true));
        var fused = OptimizedGraph.Count(optimized, "QLinearConv");
        output.WriteLine($"{name}: {fused} of {convs} convolutions run as QLinearConv");
        Assert.Equal(convs - 1, fused);
    }

    /// <summary>
    /// Pooled over the photos (all shared mask pixels over all pixels either mask has), so that a photo where the float
    /// model itself hovers at 0.5 over a tiny subject cannot decide the result: on such a photo even weights-only int8
    /// flips a quarter of the few mask pixels (people v4, trained 2026-12-05 and not shipped, on a `voc_` photo: 0.73).
    /// </summary>
    [FloatOriginalTheory]
    [InlineData("people-unet-resnet18", true, 0.98)]
    [InlineData("general-unet-resnet18", true, 0.97)]
    [InlineData("people-unet-resnet18", false, 0.99)]
    public void Int8_masks_agree_with_the_float_models_on_validation_photos(string name, bool activations, double minimumIou)
    {
        using var reference = ModelSession.Load(ShippedQuantization.FloatOriginal(name)!, intraOpThreads: 1);
        using var int8 = ModelSession.Load(ShippedQuantization.Quantized(name, activations), intraOpThreads: 1);
        var images = Directory.GetFiles(Path.Combine(TestPaths.DataRoot, ShippedQuantization.Set(name), "val", "images")).Order().ToArray();
        var counts = new List<(long Both, long Either)>();
        for (var i = 0; i < Photos; i++)
        {
            using var photo = Photo.Decode(File.ReadAllBytes(images[i * images.Length / Photos]));
            counts.Add(MaskOverlap(reference.Infer(photo).Alpha, int8.Infer(photo).Alpha));
        }
        var pooled = counts.Sum(c => c.Both) / (double)Math.Max(1, counts.Sum(c => c.Either));
        output.WriteLine($"{name} ({(activations ? "int8" : "int8 weights")}) vs float, mask IoU per photo: " +
                         string.Join(" ", counts.Select(c => (c.Either == 0 ? 1 : c.Both / (double)c.Either).ToString("F4"))) +
                         $"; pooled {pooled:F4}");
        Assert.True(pooled >= minimumIou, $"pooled mask IoU {pooled:F4} < {minimumIou}");
    }

    static (long Both, long Either) MaskOverlap(float[] a, float[] b)
    {
        long both = 0, either = 0;
        for (var i = 0; i < a.Length; i++)
        {
            bool inA = a[i] >= 0.5f, inB = b[i] >= 0.5f;
            if (inA && inB) both++;
            if (inA || inB) either++;
        }
        return (both, either);
    }
}
