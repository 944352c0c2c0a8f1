using Xunit;

namespace Cutout.Tests;

/// <summary>Transparent cut-outs on the real astronaut photo with the darkness test model.</summary>
public class CutoutTests
{
    static readonly byte[] Astronaut = Images.Astronaut;
    static readonly Photo Input = Photo.Decode(Astronaut);

    // The light backdrop between head and shuttle, and the black visor of the helmet (bottom right).
    const int BackdropX = 320, BackdropY = 170, HelmetX = 400, HelmetY = 420;

    [Fact]
    public void Preconditions_of_the_photo()
    {
        Assert.True(Images.Pixel(Input, BackdropX, BackdropY).G > 190);
        Assert.True(Images.Pixel(Input, HelmetX, HelmetY).R < 40);
    }

    [Theory]
    [InlineData(OutputFormat.Png, "image/png", ".png")]
    [InlineData(OutputFormat.WebP, "image/webp", ".webp")]
    public void Background_is_transparent_subject_opaque_and_colours_untouched(OutputFormat format, string type, string extension)
    {
        var result = Removers.Darkness.Remove(Astronaut, new RemoveOptions { Format = format });
        Assert.Equal((type, extension, 512, 512), (result.ContentType, result.Extension, result.Width, result.Height));
        Assert.True(result.ModelTime > TimeSpan.Zero && result.TotalTime >= result.ModelTime);

        using var output = Photo.Decode(result.Data);
        Assert.Equal(0, Images.Pixel(output, BackdropX, BackdropY).A);
        Assert.Equal(255, Images.Pixel(output, HelmetX, HelmetY).A);

        var semiTransparent = 0;
        for (var y = 0; y < 512; y++)
        for (var x = 0; x < 512; x++)
        {
            var o = Images.Pixel(output, x, y);
            if (o.A == 0)
            {
                // The removed background does not linger, invisible, in the file (WebP's own encoder owns these bytes).
                if (format == OutputFormat.Png) Assert.Equal((0, 0, 0), (o.R, o.G, o.B));
                continue;
            }
            var i = Images.Pixel(Input, x, y);
            Assert.Equal((i.R, i.G, i.B), (o.R, o.G, o.B)); // straight alpha: edges are not darkened
            if (o.A < 255) semiTransparent++;
        }
        Assert.True(semiTransparent > 1000, $"only {semiTransparent} semi-transparent pixels; the test would prove little");
    }

    [Fact]
    public void Mask_is_the_cutouts_alpha_as_8_bit_grey_png()
    {
        var cutout = Photo.Decode(Removers.Darkness.Remove(Astronaut, new RemoveOptions()).Data);
        var mask = Removers.Darkness.Remove(Astronaut, new RemoveOptions { Mask = true, Format = OutputFormat.Jpeg });
        Assert.Equal(("image/png", ".png"), (mask.ContentType, mask.Extension));
        Assert.Equal(0, mask.Data[25]); // IHDR colour type 0: greyscale
        Assert.Equal(8, mask.Data[24]);
        using var decoded = Photo.Decode(mask.Data);
        for (var i = 0; i < decoded.PixelCount; i++)
            Assert.Equal(cutout.Rgba[i * 4 + 3], decoded.Rgba[i * 4]);
    }

    [Fact]
    public void Transparent_input_pixels_stay_transparent()
    {
        var rgba = (byte[])Input.Rgba.Clone();
        for (var y = 380; y < 460; y++)
        for (var x = 360; x < 440; x++)
            rgba[(y * 512 + x) * 4 + 3] = 0;
        var result = Removers.Darkness.Remove(Images.PngOf(new Photo(512, 512, rgba)), new RemoveOptions());
        using var output = Photo.Decode(result.Data);
        Assert.Equal(0, Images.Pixel(output, HelmetX, HelmetY).A);
        Assert.Equal(255, Images.Pixel(output, 470, 420).A);
    }

    [Fact]
    public void Concurrent_calls_on_one_remover_give_identical_results()
    {
        var expected = Removers.Darkness.Remove(Astronaut, new RemoveOptions()).Data;
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = Removers.Darkness.Remove(Astronaut, new RemoveOptions()).Data);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Pixel_limit_and_bad_input_fail_with_their_kind()
    {
        var tooLarge = Assert.Throws<CutoutException>(() => Removers.Darkness.Remove(Astronaut, new RemoveOptions { MaxPixels = 10_000 }));
        Assert.Equal(CutoutErrorKind.TooLarge, tooLarge.Kind);
        var notImage = Assert.Throws<CutoutException>(() => Removers.Darkness.Remove("<html>"u8, new RemoveOptions()));
        Assert.Equal(CutoutErrorKind.NotAnImage, notImage.Kind);
        var jpegTransparent = Assert.Throws<CutoutException>(() => Removers.Darkness.Remove(Astronaut, new RemoveOptions { Format = OutputFormat.Jpeg }));
        Assert.Equal(CutoutErrorKind.UnsupportedOption, jpegTransparent.Kind);
    }

    [Fact]
    public void Predict_alpha_is_full_resolution_and_follows_the_model()
    {
        var matte = Removers.Darkness.PredictAlpha(Input);
        Assert.Equal((512, 512), (matte.Width, matte.Height));
        Assert.True(matte[BackdropX, BackdropY] < 0.01f);
        Assert.True(matte[HelmetX, HelmetY] > 0.99f);
        Assert.All(matte.Values, v => Assert.InRange(v, 0f, 1f));
    }
}
