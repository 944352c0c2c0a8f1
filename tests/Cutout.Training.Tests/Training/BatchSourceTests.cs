using Cutout.Training.Data;
using Cutout.Training.Training;
using Xunit;

namespace Cutout.Training.Tests.Training;

public class BatchSourceTests
{
    static SegmentationSample Grey(int i) => new($"s{i}", 8, 8, Enumerable.Repeat((byte)(i * 20), 3 * 64).ToArray(), new byte[64]);

    static readonly SegmentationSample[] Pool = Enumerable.Range(0, 10).Select(Grey).ToArray();

    [Fact]
    public void EpochOrderIsTheSameInEveryProcess()
    {
        // Computed once; a resumed run (a new process) must shuffle exactly so, or it repeats some photos and skips others
        // in the epoch it continues. HashCode.Combine-based seeds differ in every process and fail here.
        var source = new BatchSource(Pool, new Augmenter(AugmentationOptions.None, 8, 8), seed: 42);
        Assert.Equal([5, 2, 1, 8, 6, 3, 7, 9, 0, 4], source.EpochOrder(1, shuffle: true));
        Assert.NotEqual(source.EpochOrder(1, shuffle: true), source.EpochOrder(2, shuffle: true));
    }

    [Fact]
    public void BatchesHoldEverySampleOfTheEpochOnceInOrder()
    {
        var source = new BatchSource(Pool, new Augmenter(AugmentationOptions.None, 8, 8), seed: 3);
        var order = source.EpochOrder(1, shuffle: true);
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var batches = source.Batches(order, 3, 1, 0).ToList();
            Assert.Equal([0, 1, 2, 3], batches.Select(b => b.Index));
            Assert.Equal(order.Select(i => Pool[i].Id), batches.SelectMany(b => b.Ids));
            Assert.Equal(order.Skip(6).Select(i => Pool[i].Id), source.Batches(order, 3, 1, skipBatches: 2).SelectMany(b => b.Ids));
        }
    }

    [Fact]
    public void SeveralSizesAreDrawnPerBatchAndRedrawnTheSame()
    {
        var augmenters = new[] { 32, 64, 96 }.Select(s => new Augmenter(new AugmentationOptions(), s, s)).ToList();
        var source = new BatchSource(Pool, augmenters, seed: 7);
        var order = source.EpochOrder(1, shuffle: true);
        var sizes = source.Batches(order, 2, 1, 0).Select(b => (b.Width, b.Height, b.Rgb.Length, b.Mask.Length)).ToList();
        foreach (var (w, h, rgb, mask) in sizes)
        {
            Assert.Equal(w, h);
            Assert.Equal(2 * 3 * w * h, rgb);
            Assert.Equal(2 * w * h, mask);
        }
        var widths = Enumerable.Range(0, 60).Select(b => source.AugmenterFor(1, b).Width).ToList();
        Assert.Equal([32, 64, 96], widths.Distinct().Order());
        Assert.Equal(sizes.Select(s => s.Width), widths.Take(sizes.Count));
        var resumed = source.Batches(order, 2, 1, skipBatches: 3).Select(b => b.Width);
        Assert.Equal(widths.Skip(3).Take(sizes.Count - 3), resumed);
    }
}
