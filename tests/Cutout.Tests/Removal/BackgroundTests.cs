using SkiaSharp;
using Xunit;

namespace Cutout.Tests;

/// <summary>The subject on a colour, on another image, and on a blurred copy of the photo.</summary>
public class BackgroundTests
{
    static readonly byte[] Astronaut = Images.Astronaut;
    static readonly Photo Input = Photo.Decode(Astronaut);

    [Theory]
    [InlineData("#00ff00")]
    [InlineData("#0f0")]
    [InlineData("lime")]
    public void Solid_colour_behind_the_subject_is_opaque(string colour)
    {
        var result = Removers.Darkness.Remove(Astronaut, new RemoveOptions { Background = colour });
        using var output = Photo.Decode(result.Data);
        Assert.All(Enumerable.Range(0, output.PixelCount), i => Assert.Equal(255, output.Rgba[i * 4 + 3]));
        Assert.Equal((0, 255, 0, 255), Images.Pixel(output, 320, 170));
        var helmet = Images.Pixel(Input, 400, 420);
        Assert.Equal((helmet.R, helmet.G, helmet.B, (byte)255), Images.Pixel(output, 400, 420));
    }

    [Fact]
    public void Jpeg_on_a_colour()
    {
        var result = Removers.Darkness.Remove(Astronaut, new RemoveOptions { Background = "#ff0000", Format = OutputFormat.Jpeg });
        Assert.Equal(("image/jpeg", ".jpg"), (result.ContentType, result.Extension));
        Assert.Equal("jpeg", ImageProbe.Probe(result.Data).Format);
        using var output = Photo.Decode(result.Data);
        var corner = Images.Pixel(output, 320, 170);
        Assert.True(corner.R > 240 && corner.G < 15 && corner.B < 15, $"corner {corner}");
    }

    [Fact]
    public void Another_image_scaled_to_cover()
    {
        var blue = new byte[30 * 10 * 4];
        for (var i = 0; i < 300; i++) (blue[i * 4 + 2], blue[i * 4 + 3]) = (255, 255);
        var result = Removers.Darkness.Remove(Astronaut, new RemoveOptions { BackgroundImage = Images.PngOf(new Photo(30, 10, blue)), Format = OutputFormat.WebP });
        using var output = Photo.Decode(result.Data);
        var corner = Images.Pixel(output, 320, 170);
        Assert.True(corner.B > 240 && corner.R < 15 && corner.A == 255, $"corner {corner}");
    }

    [Fact]
    public void Background_from_an_image_file_path()
    {
        var file = Path.Combine(TestTemp.Folder("bg-"), "bg.png");
        File.WriteAllBytes(file, PngWriter.Write(1, 1, 8, 2, [[0, 0, 255]]));
        using var output = Photo.Decode(Removers.Darkness.Remove(Astronaut, new RemoveOptions { Background = file }).Data);
        Assert.Equal((0, 0, 255, 255), Images.Pixel(output, 320, 170));
    }

    [Fact]
    public void Unknown_background_is_an_unsupported_option()
    {
        var e = Assert.Throws<CutoutException>(() => Removers.Darkness.Remove(Astronaut, new RemoveOptions { Background = "not-a-colour" }));
        Assert.Equal(CutoutErrorKind.UnsupportedOption, e.Kind);
    }

    [DataFact]
    public void Blur_smooths_the_background_and_keeps_the_subject()
    {
        var photoPath = Directory.GetFiles(Path.Combine(TestPaths.People("smoke"), "images"))[0];
        var bytes = File.ReadAllBytes(photoPath);
        using var photo = Photo.Decode(bytes);
        var matte = Removers.Darkness.PredictAlpha(photo);
        using var output = Photo.Decode(Removers.Darkness.Remove(bytes, new RemoveOptions { Background = "blur", Format = OutputFormat.Png }).Data);

        double photoDetail = 0, outputDetail = 0;
        for (var y = 0; y < photo.Height; y++)
        for (var x = 1; x < photo.Width; x++)
        {
            var i = y * photo.Width + x;
            if (matte.Values[i] > 0.001f || matte.Values[i - 1] > 0.001f) continue;
            photoDetail += Math.Pow(photo.Rgba[i * 4 + 1] - photo.Rgba[(i - 1) * 4 + 1], 2);
            outputDetail += Math.Pow(output.Rgba[i * 4 + 1] - output.Rgba[(i - 1) * 4 + 1], 2);
            Assert.Equal(255, output.Rgba[i * 4 + 3]);
        }
        Assert.True(photoDetail > 0, "the test photo needs some background");
        Assert.True(outputDetail < photoDetail * 0.3, $"background gradient energy {outputDetail} vs photo {photoDetail}");

        for (var i = 0; i < matte.Values.Length; i++)
            if (matte.Values[i] > 0.999f)
                Assert.InRange(output.Rgba[i * 4] - photo.Rgba[i * 4], -1, 1);
    }
}
