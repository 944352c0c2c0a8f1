using Cutout.Training.Data;
using Cutout.Training.Training;
using Xunit;

namespace Cutout.Training.Tests.Training;

/// <summary><c>--source-weights</c>: heavier sources drawn more often, an epoch of the same length, the same order on resume.</summary>
public sealed class SourceWeightsTests
{
    static SegmentationSample[] Pool(params (string Source, int Count)[] sources) =>
        sources.SelectMany(s => Enumerable.Range(0, s.Count).Select(i => new SegmentationSample($"{s.Source}_{i}", 4, 4, new byte[48], new byte[16]))).ToArray();

    static int[] Counts(int[] order, int samples) => Enumerable.Range(0, samples).Select(i => order.Count(o => o == i)).ToArray();

    [Fact]
    public void A_source_weighted_three_times_takes_its_share_of_an_epoch_of_the_same_length()
    {
        var pool = Pool(("ccp", 6), ("voc", 2));
        var order = SourceWeights.Draw(pool, new Dictionary<string, double> { ["voc"] = 3 }, new Random(5));
        var counts = Counts(order, pool.Length);
        Assert.Equal(pool.Length, order.Length);
        Assert.Equal([2, 2], counts[6..]);                      // 3 · 8 / 12 = 2 draws each
        Assert.Equal(4, counts[..6].Sum());                     // 8 / 12 of a draw each: four of the six, once
        Assert.All(counts[..6], c => Assert.InRange(c, 0, 1));
    }

    [Fact]
    public void Fractional_shares_round_to_the_floor_or_the_ceiling_of_each_pair()
    {
        var pool = Pool(("ccp", 100), ("voc", 50), ("vik", 7));
        var weights = new Dictionary<string, double> { ["voc"] = 1.5, ["vik"] = 0 };
        for (var seed = 0; seed < 20; seed++)
        {
            var counts = Counts(SourceWeights.Draw(pool, weights, new Random(seed)), pool.Length);
            Assert.Equal(pool.Length, counts.Sum());
            Assert.All(counts[..100], c => Assert.InRange(c, 0, 2));  // 157 / 175 = 0.897 each
            Assert.All(counts[100..150], c => Assert.InRange(c, 1, 2)); // 1.346 each
            Assert.All(counts[150..], c => Assert.Equal(0, c));
            Assert.InRange(counts[100..150].Sum(), 67, 68);           // 50 · 1.346 = 67.3: the source's floor or ceiling too
        }
    }

    [Fact]
    public void The_weighted_epoch_order_is_the_same_for_a_resumed_run_and_new_each_epoch()
    {
        var pool = Pool(("ccp", 12), ("voc", 4));
        var weights = new Dictionary<string, double> { ["voc"] = 2 };
        var source = new BatchSource(pool, [new Augmenter(AugmentationOptions.None, 4, 4)], seed: 9, weights);
        var again = new BatchSource(pool, [new Augmenter(AugmentationOptions.None, 4, 4)], seed: 9, weights);
        Assert.Equal(source.EpochOrder(2, shuffle: true), again.EpochOrder(2, shuffle: true));
        Assert.NotEqual(source.EpochOrder(2, shuffle: true), source.EpochOrder(3, shuffle: true));
        Assert.InRange(source.EpochOrder(2, shuffle: true).Count(i => i >= 12), 6, 7);   // 2 · 16 / 20 = 1.6 each, 6.4 in all
        Assert.Equal(Enumerable.Range(0, 16), source.EpochOrder(2, shuffle: false));  // validation order is untouched
    }

    [Fact]
    public void Weights_are_read_from_the_command_line_form()
    {
        var weights = SourceWeights.Parse("voc=2, vik=1.5,ccp=0");
        Assert.Equal(new Dictionary<string, double> { ["voc"] = 2, ["vik"] = 1.5, ["ccp"] = 0 }, weights);
        Assert.Equal("ccp 6 → 0, voc 2 → 8", SourceWeights.Describe(Pool(("ccp", 6), ("voc", 2)), weights));
    }

    [Fact]
    public void Weights_that_leave_nothing_to_draw_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            SourceWeights.Draw(Pool(("voc", 3)), new Dictionary<string, double> { ["voc"] = 0 }, new Random(1)));
        Assert.Contains("leaves no training pair", error.Message);
    }
}
