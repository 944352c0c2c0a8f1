using Xunit;

namespace Cutout.Tests.Removal;

public class SparseValuesTests
{
    [Fact]
    public void Keeps_the_flagged_pixels_values_and_refuses_the_others()
    {
        float[] source = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f];
        bool[] flags = [false, true, false, true, true, false];

        var kept = new SparseValues(source, flags);
        source[1] = source[3] = source[4] = 9;

        Assert.Equal([0.2f, 0.4f, 0.5f], new[] { 1, 3, 4 }.Select(i => kept[i]));
        Assert.Throws<ArgumentOutOfRangeException>(() => kept[0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => kept[5]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SparseValues(source, new bool[6])[2]);
    }
}
