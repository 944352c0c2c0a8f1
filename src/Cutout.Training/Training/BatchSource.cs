using TorchSharp;
using Cutout.Training.Data;

namespace Cutout.Training.Training;

/// <summary>
/// Builds input/target tensors for batches of samples; the next batch is prepared while the model works. With several
/// augmenters (one per input size) each batch draws one, so the model trains at several scales. With source weights an
/// epoch draws some sources more often than others (<see cref="SourceWeights"/>).
/// </summary>
public sealed class BatchSource(IReadOnlyList<SegmentationSample> samples, IReadOnlyList<Augmenter> augmenters, int seed,
                                IReadOnlyDictionary<string, double>? sourceWeights = null)
{
    const int OrderStream = 1, SampleStream = 2, SizeStream = 3;

    public BatchSource(IReadOnlyList<SegmentationSample> samples, Augmenter augmenter, int seed) : this(samples, [augmenter], seed) { }

    public int Count => samples.Count;

    /// <summary>The order of samples in an epoch, the same for a given seed and epoch (so a resumed run sees the same order).</summary>
    public int[] EpochOrder(int epoch, bool shuffle)
    {
        var random = new Random(StableSeed.Of(seed, epoch, OrderStream));
        if (shuffle && sourceWeights is { Count: > 0 }) return SourceWeights.Draw(samples, sourceWeights, random);
        var order = Enumerable.Range(0, samples.Count).ToArray();
        if (shuffle) random.Shuffle(order);
        return order;
    }

    public IEnumerable<Batch> Batches(int[] order, int batchSize, int epoch, int skipBatches)
    {
        int count = (order.Length + batchSize - 1) / batchSize;
        Task<Batch>? next = skipBatches < count ? Task.Run(() => Build(order, batchSize, epoch, skipBatches)) : null;
        for (int b = skipBatches; b < count; b++)
        {
            var current = next!.Result;
            int following = b + 1; // a copy: the task may start after the loop has moved b on
            next = following < count ? Task.Run(() => Build(order, batchSize, epoch, following)) : null;
            yield return current;
        }
    }

    Batch Build(int[] order, int batchSize, int epoch, int batchIndex)
    {
        int start = batchIndex * batchSize, n = Math.Min(batchSize, order.Length - start);
        var augmenter = AugmenterFor(epoch, batchIndex);
        int w = augmenter.Width, h = augmenter.Height, plane = w * h;
        var rgb = new float[n * 3 * plane];
        var mask = new float[n * plane];
        var ids = new string[n];
        for (int i = 0; i < n; i++)
        {
            int index = order[start + i];
            ids[i] = samples[index].Id;
            var random = new Random(StableSeed.Of(seed, epoch, SampleStream, start + i));
            augmenter.Render(samples, index, random, rgb.AsSpan(i * 3 * plane, 3 * plane), mask.AsSpan(i * plane, plane));
        }
        return new Batch(batchIndex, ids, rgb, mask, n, h, w);
    }

    /// <summary>The augmenter (input size) of one batch, the same in every process for a given seed.</summary>
    public Augmenter AugmenterFor(int epoch, int batchIndex) =>
        augmenters[new Random(StableSeed.Of(seed, epoch, SizeStream, batchIndex)).Next(augmenters.Count)];

    public sealed record Batch(int Index, string[] Ids, float[] Rgb, float[] Mask, int Count, int Height, int Width)
    {
        public torch.Tensor Inputs() => torch.tensor(Rgb, [Count, 3, Height, Width]);
        public torch.Tensor Targets() => torch.tensor(Mask, [Count, 1, Height, Width]);
    }
}
