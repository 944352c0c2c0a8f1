using Xunit;

namespace Cutout.Tests;

/// <summary>Clean alpha (the default): exactly 0 and 1 away from the outline, soft only along it, threshold unchanged.</summary>
public class CleanAlphaTests
{
    const int W = 100, H = 80;

    /// <summary>A 40x40 subject at (20, 20) with a see-through patch, a one-pixel soft rim, and a faint veil elsewhere.</summary>
    static AlphaMatte Smudged()
    {
        var values = new float[W * H];
        for (var y = 0; y < H; y++)
        for (var x = 0; x < W; x++)
        {
            var inside = x is >= 20 and < 60 && y is >= 20 and < 60;
            var rim = x is >= 19 and <= 60 && y is >= 19 and <= 60 && !inside;
            values[y * W + x] = inside ? 1f : rim ? 0.4f : 0.04f;
        }
        for (var y = 35; y < 45; y++)
        for (var x = 35; x < 45; x++)
            values[y * W + x] = 0.7f;
        values[20 * W + 40] = 0.6f;
        return new AlphaMatte(W, H, values);
    }

    static Photo Opaque()
    {
        var rgba = new byte[W * H * 4];
        Array.Fill(rgba, (byte)255);
        return new Photo(W, H, rgba);
    }

    [Fact]
    public void The_band_holds_the_pixels_near_the_half_alpha_outline_only()
    {
        var band = EdgeBand.Around(Smudged(), 3);
        Assert.True(band[20 * W + 40] && band[17 * W + 40] && band[22 * W + 40]);
        Assert.False(band[16 * W + 40]);
        Assert.False(band[23 * W + 40]);
        Assert.False(band[40 * W + 40]);
        Assert.False(band[0]);
    }

    [Theory]
    [InlineData(2, 6)]
    [InlineData(3, 9)]
    [InlineData(4, 8)]
    public void A_band_found_on_a_coarser_grid_stays_within_a_cell_or_two_of_the_exact_one(int grid, int radius)
    {
        var matte = Smudged();
        var coarse = EdgeBand.Around(matte, radius, grid);
        var (inner, outer) = (EdgeBand.Around(matte, radius - grid), EdgeBand.Around(matte, radius + 2 * grid));
        for (var i = 0; i < coarse.Length; i++)
        {
            Assert.True(!inner[i] || coarse[i], $"pixel {i % W}, {i / W} is near the outline but not in the band");
            Assert.True(!coarse[i] || outer[i], $"pixel {i % W}, {i / W} is in the band but far from the outline");
        }
    }

    [Fact]
    public void Veils_and_see_through_patches_become_exactly_0_and_1_and_the_rim_gets_steeper()
    {
        var matte = Smudged();
        var before = matte.Values.Select(v => v >= 0.5f).ToArray();
        AlphaSnap.Apply(Opaque(), matte, EdgeBand.Around(matte, 3));
        Assert.Equal(0f, matte[0, 0]);
        Assert.Equal(0f, matte[80, 40]);
        Assert.Equal(1f, matte[40, 40]);
        Assert.Equal(0.5f + 0.1f * AlphaSnap.Steepness, matte[40, 20], 5);
        Assert.Equal(0.5f - 0.1f * AlphaSnap.Steepness, matte[40, 19], 5);
        Assert.Equal(0f, matte[40, 18]);
        Assert.Equal(before, matte.Values.Select(v => v >= 0.5f).ToArray());
    }

    [Fact]
    public void Pixels_the_input_made_partly_transparent_keep_their_value()
    {
        var photo = Opaque();
        photo.Rgba[(40 * W + 40) * 4 + 3] = 128;
        var matte = Smudged();
        matte.Values[40 * W + 40] = 0.5f;
        AlphaSnap.Apply(new Photo(W, H, photo.Rgba), matte, EdgeBand.Around(matte, 3));
        Assert.Equal(0.5f, matte[40, 40]);
        Assert.Equal(1f, matte[30, 30]);
    }

    [Fact]
    public void Remove_cleans_by_default_and_raw_alpha_keeps_the_models_values()
    {
        var astronaut = Images.Astronaut;
        using var raw = Photo.Decode(Removers.Darkness.Remove(astronaut, new RemoveOptions { Mask = true, RawAlpha = true }).Data);
        using var clean = Photo.Decode(Removers.Darkness.Remove(astronaut, new RemoveOptions { Mask = true }).Data);
        var rawMatte = new AlphaMatte(raw.Width, raw.Height, Enumerable.Range(0, raw.PixelCount).Select(i => raw.Rgba[i * 4] / 255f).ToArray());
        var spec = Removers.Darkness.Spec;
        var band = EdgeBand.Around(rawMatte, EdgeBand.RadiusFor(raw.Width, raw.Height, spec), EdgeBand.GridFor(raw.Width, raw.Height, spec));

        int softOutsideRaw = 0, softOutsideClean = 0;
        for (var i = 0; i < raw.PixelCount; i++)
        {
            var (r, c) = (raw.Rgba[i * 4], clean.Rgba[i * 4]);
            if (band[i]) continue;
            if (r is > 0 and < 255) softOutsideRaw++;
            if (c is > 0 and < 255) softOutsideClean++;
            if (r is < 127 or > 128) Assert.Equal(r > 127 ? 255 : 0, c);
        }
        Assert.True(softOutsideRaw > 1000, $"the test model leaves {softOutsideRaw} soft pixels away from the outline");
        Assert.Equal(0, softOutsideClean);
    }
}
