using Xunit;

namespace Cutout.Tests;

/// <summary>Threshold, crop, speck/hole cleaning and edge refinement, end to end through Remove.</summary>
public class MatteOptionTests
{
    static readonly byte[] Astronaut = Images.Astronaut;
    static readonly Photo Input = Photo.Decode(Astronaut);

    static Photo Mask(byte[] image, RemoveOptions options) =>
        Photo.Decode(Removers.Darkness.Remove(image, options with { Mask = true }).Data);

    [Fact]
    public void Threshold_leaves_only_0_and_255()
    {
        using var soft = Mask(Astronaut, new RemoveOptions());
        using var hard = Mask(Astronaut, new RemoveOptions { Threshold = 0.5f });
        Assert.Contains(soft.Rgba, v => v is > 0 and < 255);
        for (var i = 0; i < hard.PixelCount; i++)
        {
            Assert.True(hard.Rgba[i * 4] is 0 or 255);
            if (soft.Rgba[i * 4] is < 126 or > 129) Assert.Equal(soft.Rgba[i * 4] >= 128 ? 255 : 0, hard.Rgba[i * 4]);
        }
    }

    /// <summary>
    /// The subject box is known from the picture alone: a dark, textured rectangle on white whose edges lie on the
    /// 64 x 64 model grid (cells of 16 x 12 px), so the matte crosses 0.5 exactly on them.
    /// </summary>
    [Fact]
    public void Crop_keeps_the_subject_and_a_margin()
    {
        const int width = 1024, height = 768, margin = 10;
        var (left, top, right, bottom) = (320, 240, 560, 480);
        var random = new Random(3);
        var rgba = new byte[width * height * 4];
        Array.Fill(rgba, (byte)255);
        for (var y = top; y < bottom; y++)
            for (var x = left; x < right; x++)
                for (var c = 0; c < 3; c++) rgba[(y * width + x) * 4 + c] = (byte)random.Next(0, 40);
        var photo = new Photo(width, height, rgba);

        var cropped = Removers.Darkness.Remove(Images.PngOf(photo), new RemoveOptions { Crop = true, CropMargin = margin });

        Assert.Equal((right - left + 2 * margin, bottom - top + 2 * margin), (cropped.Width, cropped.Height));
        using var output = Photo.Decode(cropped.Data);
        Assert.Equal(0, Images.Pixel(output, 0, 0).A);
        Assert.Equal(0, Images.Pixel(output, output.Width - 1, output.Height - 1).A);
        // Cropped pixels are the photo's own, shifted by the box's corner (left - margin, top - margin).
        foreach (var (x, y) in new[] { (330, 250), (440, 360), (550, 470) })
        {
            var (r, g, b, _) = Images.Pixel(photo, x, y);
            Assert.Equal((r, g, b, (byte)255), Images.Pixel(output, x - (left - margin), y - (top - margin)));
        }
    }

    [ShippedModelFact]
    public void Crop_with_the_shipped_model_frames_the_person_not_the_whole_canvas()
    {
        var smoke = Path.Combine(TestPaths.People("smoke"), "images", "cihp_0002190.jpg");
        using var photo = Photo.Decode(File.ReadAllBytes(smoke));
        var (width, height) = (photo.Width * 2, photo.Height + 200);
        var padded = Images.PngOf(Images.Padded(photo, width, height, left: photo.Width / 2, top: 100));
        using var remover = BackgroundRemover.Load();
        var result = remover.Remove(padded, new RemoveOptions { Crop = true, CropMargin = 16 });
        // Margins on both sides, plus the bleed of upscaling the model's matte (one model pixel each side).
        var slack = 2 * 16 + (int)Math.Ceiling(2.0 * Math.Max((double)width / remover.Spec.Width, (double)height / remover.Spec.Height));
        Assert.True(result.Width <= photo.Width + slack, $"crop {result.Width}x{result.Height} of a {width}x{height} canvas holding a {photo.Width}x{photo.Height} photo");
        Assert.True(result.Height <= photo.Height + slack, $"crop {result.Width}x{result.Height}");
        Assert.True(result.Width * result.Height > photo.Width * photo.Height / 8, "the person is kept");
    }

    [Fact]
    public void Crop_of_an_image_with_no_subject_keeps_the_whole_image()
    {
        var white = new byte[64 * 48 * 4];
        Array.Fill(white, (byte)255);
        var result = Removers.Darkness.Remove(Images.PngOf(new Photo(64, 48, white)), new RemoveOptions { Crop = true });
        Assert.Equal((64, 48), (result.Width, result.Height));
    }

    [Fact]
    public void Clean_removes_specks_and_fills_holes()
    {
        // White page, a small dark speck, and a large dark square with a small white hole.
        var image = Images.PngOf(Images.PageWithSquares((20, 20, 12, 0), (100, 100, 120, 0), (150, 150, 16, 255)));

        using var raw = Mask(image, new RemoveOptions { Threshold = 0.5f });
        Assert.Equal(255, Images.Pixel(raw, 26, 26).R);
        Assert.Equal(0, Images.Pixel(raw, 158, 158).R);

        using var clean = Mask(image, new RemoveOptions { Threshold = 0.5f, CleanArea = 1000 });
        Assert.Equal(0, Images.Pixel(clean, 26, 26).R);
        Assert.Equal(255, Images.Pixel(clean, 158, 158).R);
        Assert.Equal(255, Images.Pixel(clean, 110, 110).R);
        Assert.Equal(0, Images.Pixel(clean, 5, 250).R);
    }

    [Fact]
    public void Refine_follows_the_photos_edges()
    {
        // The 64x64 prediction upscaled 8x has blurry edges wherever they are; refined, the matte's edges should sit
        // more on the photo's own edges, while the flat backdrop and the visor keep their values.
        using var soft = Mask(Astronaut, new RemoveOptions());
        using var refined = Mask(Astronaut, new RemoveOptions { Refine = true });
        Assert.Equal(0, Images.Pixel(refined, 320, 170).R);
        Assert.Equal(255, Images.Pixel(refined, 400, 420).R);
        var (before, after) = (EdgeShareOnPhotoEdges(soft), EdgeShareOnPhotoEdges(refined));
        Assert.True(after > before * 1.2, $"share of matte edges on photo edges: {after:F3} refined vs {before:F3}");
    }

    /// <summary>Of the matte's gradient, the share on the photo's strongest 10% luminance gradients.</summary>
    static double EdgeShareOnPhotoEdges(Photo mask)
    {
        var photoGradient = Gradient(Input, 0);
        var threshold = photoGradient.Order().ElementAt(photoGradient.Length * 9 / 10);
        var maskGradient = Gradient(mask, 0);
        double onEdges = 0, total = 0;
        for (var i = 0; i < maskGradient.Length; i++)
        {
            total += maskGradient[i];
            if (photoGradient[i] >= threshold) onEdges += maskGradient[i];
        }
        return onEdges / total;
    }

    static float[] Gradient(Photo photo, int channel)
    {
        var g = new float[photo.PixelCount];
        for (var y = 1; y < photo.Height; y++)
        for (var x = 1; x < photo.Width; x++)
        {
            var i = y * photo.Width + x;
            var v = Lum(i);
            g[i] = Math.Abs(v - Lum(i - 1)) + Math.Abs(v - Lum(i - photo.Width));
        }
        return g;

        float Lum(int i) => channel == 0
            ? 0.299f * photo.Rgba[i * 4] + 0.587f * photo.Rgba[i * 4 + 1] + 0.114f * photo.Rgba[i * 4 + 2]
            : photo.Rgba[i * 4 + channel];
    }
}
