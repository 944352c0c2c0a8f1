using Cutout.Training.Metrics;
using Xunit;
using static TorchSharp.torch;

namespace Cutout.Training.Tests.Metrics;

/// <summary>
/// Three 2x2 images. A: logits 0 (probability exactly 0.5, not above) → empty prediction; target [1,1,0,0] → I 0, U 2, IoU 0.
/// B: prediction [1,1,0,0], target [1,0,0,0] → I 1, U 2, IoU 0.5. C: empty prediction, empty target → IoU 1.
/// </summary>
public sealed class IouMetricTests
{
    static (Tensor, Tensor) Batch() => (
        tensor(new float[] { 0, 0, 0, 0, 3, 0.1f, -3, -0.1f, -5, -5, -5, -5 }).reshape(3, 1, 2, 2),
        tensor(new float[] { 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0 }).reshape(3, 1, 2, 2));

    [Fact]
    public void Per_image_values()
    {
        var (logits, target) = Batch();
        Assert.Equal([0.0, 0.5, 1.0], IouMetric.PerImage(logits, target));
    }

    [Fact]
    public void Batch_sums()
    {
        var (logits, target) = Batch();
        Assert.Equal((1L, 4L), IouMetric.Sums(logits, target));
        var (i, u) = IouMetric.PerImageSums(logits, target);
        Assert.Equal([0L, 1, 0], i);
        Assert.Equal([2L, 2, 0], u);
        Assert.Equal(0.25, IouMetric.FromSums(1, 4));
        Assert.Equal(1.0, IouMetric.FromSums(0, 0));
    }
}
