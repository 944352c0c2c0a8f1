using Xunit;

namespace Cutout.Tests;

/// <summary>Edge matting and foreground colours on hand-made photos whose true alpha and colours are known.</summary>
public class EdgeMattingTests
{
    const int W = 240, H = 64;

    /// <summary>A photo whose columns are <paramref name="colourAt"/>, and the matte an 8x bilinear upscale gives when
    /// the coarse mask ends half a coarse pixel too far right: a ramp from x = 99 (1) to 109 (0).</summary>
    static (Photo Photo, AlphaMatte Matte) Scene(Func<int, (byte R, byte G, byte B)> colourAt)
    {
        var rgba = new byte[W * H * 4];
        var ramp = new float[W * H];
        for (var y = 0; y < H; y++)
        for (var x = 0; x < W; x++)
        {
            var i = y * W + x;
            var (r, g, b) = colourAt(x);
            (rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2], rgba[i * 4 + 3]) = (r, g, b, 255);
            ramp[i] = Math.Clamp((109 - x) / 10f, 0f, 1f);
        }
        return (new Photo(W, H, rgba), new AlphaMatte(W, H, ramp));
    }

    static AlphaMatte Refine(Photo photo, AlphaMatte matte, int radius = 10) =>
        EdgeMatting.Refine(photo, matte, EdgeBand.Around(matte, radius), radius, subsample: 2);

    [Fact]
    public void The_matte_moves_onto_the_photos_edge()
    {
        var (photo, matte) = Scene(x => x < 100 ? ((byte)30, (byte)30, (byte)30) : ((byte)220, (byte)220, (byte)220));
        Assert.True(matte[102, 32] > 0.5f);
        var refined = Refine(photo, matte);
        Assert.True(refined[99, 32] > 0.9f && refined[100, 32] < 0.1f, $"{refined[99, 32]} | {refined[100, 32]}");
        Assert.True(refined[104, 32] < 0.02f, $"{refined[104, 32]}");
        Assert.Equal(1f, refined[20, 32]);
        Assert.Equal(0f, refined[220, 32]);
    }

    [Fact]
    public void A_mixed_edge_pixel_gets_its_coverage_and_the_subjects_own_colour()
    {
        // Red subject, blue background, and one column where each pixel is half red, half blue.
        var (photo, matte) = Scene(x => x < 103 ? ((byte)250, (byte)10, (byte)10)
            : x == 103 ? ((byte)130, (byte)10, (byte)130) : ((byte)10, (byte)10, (byte)250));
        var refined = Refine(photo, matte);
        Assert.InRange(refined[103, 32], 0.42f, 0.58f);

        var cutout = Photo.Decode(OutputRenderer.Render(photo, refined, new RemoveOptions()).Data);
        var edge = Images.Pixel(cutout, 103, 32);
        Assert.True(edge.R > 230 && edge.B < 30, $"edge pixel {edge}: the subject's red, not the photo's purple");
        Assert.InRange(edge.A, 107, 148);
        Assert.Equal(((byte)250, (byte)10, (byte)10, (byte)255), Images.Pixel(cutout, 90, 32));
    }

    [Fact]
    public void Texture_that_fits_neither_side_keeps_the_models_alpha()
    {
        // Grey subject, white background, and a saturated green column in the ramp: not a mix of the two.
        var (photo, matte) = Scene(x => x < 100 ? ((byte)120, (byte)120, (byte)120)
            : x == 104 ? ((byte)0, (byte)255, (byte)0) : ((byte)240, (byte)240, (byte)240));
        var refined = EdgeMatting.Refine(photo, matte, EdgeBand.Around(matte, 10), 10, 2, clean: false);
        Assert.InRange(refined[104, 32], matte[104, 32] - 0.15f, matte[104, 32] + 0.15f);
    }

    [Fact]
    public void A_speck_of_background_colour_inside_the_subject_stays_opaque_while_the_edge_still_moves()
    {
        // Red subject to x = 104, blue background from 105, and one blue pixel inside the red where the model says 0.8:
        // the colour line reads it as background, but no see-through path joins it to the background.
        var (photo, matte) = Scene(x => x < 105 ? ((byte)250, (byte)10, (byte)10) : ((byte)10, (byte)10, (byte)250));
        var rgba = photo.Rgba;
        var speck = (32 * W + 101) * 4;
        (rgba[speck], rgba[speck + 2]) = (10, 250);
        var refined = Refine(photo, matte);
        Assert.True(refined[101, 32] > 0.75f, $"speck {refined[101, 32]}");
        Assert.True(refined[103, 32] > 0.9f && refined[106, 32] < 0.1f, $"{refined[103, 32]} | {refined[106, 32]}");
    }
}
