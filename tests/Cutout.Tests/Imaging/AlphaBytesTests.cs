using Xunit;

namespace Cutout.Tests;

/// <summary>The vectorised alpha-to-byte conversion that rendering and the flicker figure use gives ToByte's bytes.</summary>
public sealed class AlphaBytesTests
{
    [Fact]
    public void ToBytes_matches_ToByte_at_every_half_level_and_outside_0_to_1()
    {
        // Each level k and the half-way points (k + 0.5) / 255 where rounding decides, plus values a model or a
        // refine step may leave outside 0..1; over 512 values so the chunked path runs more than once.
        var values = Enumerable.Range(-4, 520).Select(i => i / 510f).Concat([-3f, 1.7f, 0.5f / 255, 254.5f / 255]).ToArray();
        var bytes = new byte[values.Length];
        AlphaMatte.ToBytes(values, bytes);
        Assert.Equal(values.Select(AlphaMatte.ToByte), bytes);
    }

    [Fact]
    public void Transparency_is_found_in_any_pixel_and_not_in_an_opaque_photo()
    {
        var opaque = Enumerable.Repeat((byte)255, 4 * 1000).ToArray();
        Assert.False(new Photo(1000, 1, opaque).HasTransparency);
        var black = new byte[4 * 1000];
        for (var i = 3; i < black.Length; i += 4) black[i] = 255;
        Assert.False(new Photo(1000, 1, black).HasTransparency);
        foreach (var pixel in new[] { 0, 1, 517, 999 })
        {
            var rgba = (byte[])opaque.Clone();
            rgba[pixel * 4 + 3] = 254;
            Assert.True(new Photo(1000, 1, rgba).HasTransparency, $"pixel {pixel}");
        }
    }
}
