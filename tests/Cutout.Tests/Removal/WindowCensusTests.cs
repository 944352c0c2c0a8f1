using Xunit;

namespace Cutout.Tests;

/// <summary>The running-sum window census against a direct count of every window, on random masks.</summary>
public class WindowCensusTests
{
    [Theory]
    [InlineData(300, 200, 0, 0.5)]
    [InlineData(300, 200, 4, 0.02)]
    [InlineData(257, 131, 9, 0.001)]
    [InlineData(40, 300, 27, 0.0005)]
    [InlineData(300, 200, 3, 0.995)]
    public void Matches_a_direct_count_of_each_window(int w, int h, int radius, double density)
    {
        var random = new Random(w * 1000 + radius);
        var mask = Enumerable.Range(0, w * h).Select(_ => random.NextDouble() < density).ToArray();
        var census = WindowCensus.Classify(mask, w, h, radius);
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            int set = 0, area = 0;
            for (var v = Math.Max(0, y - radius); v <= Math.Min(h - 1, y + radius); v++)
            for (var u = Math.Max(0, x - radius); u <= Math.Min(w - 1, x + radius); u++, area++)
                if (mask[v * w + u]) set++;
            var expected = set == 0 ? WindowCensus.None : set == area ? WindowCensus.All : WindowCensus.Mixed;
            Assert.True(expected == census[y * w + x], $"({x}, {y}): {census[y * w + x]}, expected {expected}");
        }
    }
}
