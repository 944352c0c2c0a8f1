using Xunit;

namespace Cutout.Tests;

/// <summary><see cref="MatteCleanup.RemoveSmallRegions"/> on hand-made mattes with counted regions.</summary>
public class SmallRegionsTests
{
    [Fact]
    public void Small_islands_go_and_small_enclosed_holes_fill_but_holes_at_the_border_stay()
    {
        // #: subject, .: background. A 2-pixel island, a 2-pixel hole inside the subject, a 2-pixel gap at the border.
        var matte = Matte(
            "........",
            ".##.....",
            "........",
            "..######",
            "..#..###",
            "..######",
            "..####..",
            "..######");
        MatteCleanup.RemoveSmallRegions(matte, minArea: 3);
        string[] expected =
        [
            "........",
            "........",
            "........",
            "..######",
            "..######",
            "..######",
            "..####..",
            "..######",
        ];
        Assert.Equal(expected, Rows(matte));
    }

    [Fact]
    public void Pixels_that_touch_only_at_a_corner_are_separate_regions()
    {
        var matte = Matte(
            "##....",
            "##....",
            "..##..",
            "..##..",
            "......");
        MatteCleanup.RemoveSmallRegions(matte, minArea: 5);
        Assert.All(matte.Values, v => Assert.Equal(0f, v));
    }

    static AlphaMatte Matte(params string[] rows) =>
        new(rows[0].Length, rows.Length, [.. rows.SelectMany(r => r.Select(c => c == '#' ? 1f : 0f))]);

    static string[] Rows(AlphaMatte m) =>
        [.. Enumerable.Range(0, m.Height).Select(y => new string([.. Enumerable.Range(0, m.Width).Select(x => m[x, y] >= 0.5f ? '#' : '.')]))];
}
