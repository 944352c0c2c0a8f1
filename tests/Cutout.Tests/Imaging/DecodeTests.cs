using SkiaSharp;
using Xunit;

namespace Cutout.Tests;

public class DecodeTests
{
    static readonly Photo Astronaut = Photo.Decode(Images.Astronaut);

    [Fact]
    public void Probe_reads_size_and_format_from_the_header()
    {
        var info = ImageProbe.Probe(Images.Astronaut);
        Assert.Equal(new ImageInfo(512, 512, "png"), info);
        Assert.Equal("jpeg", ImageProbe.Probe(Images.Encode(Astronaut, SKEncodedImageFormat.Jpeg)).Format);
    }

    [Theory]
    [InlineData(SKEncodedImageFormat.Png, 0)]
    [InlineData(SKEncodedImageFormat.Webp, 0)]
    [InlineData(SKEncodedImageFormat.Bmp, 0)]
    [InlineData(SKEncodedImageFormat.Jpeg, 12)]
    public void Decodes_each_format_to_straight_rgba(SKEncodedImageFormat format, int tolerance)
    {
        var encoded = Images.Encode(Astronaut, format);
        using var photo = Photo.Decode(encoded);
        Assert.Equal((512, 512), (photo.Width, photo.Height));
        foreach (var (x, y) in new[] { (10, 10), (256, 256), (400, 420), (100, 300) })
        {
            var expected = Images.Pixel(Astronaut, x, y);
            var actual = Images.Pixel(photo, x, y);
            Assert.InRange(actual.R, expected.R - tolerance, expected.R + tolerance);
            Assert.InRange(actual.G, expected.G - tolerance, expected.G + tolerance);
            Assert.InRange(actual.B, expected.B - tolerance, expected.B + tolerance);
            Assert.Equal(255, actual.A);
        }
    }

    [Fact]
    public void Bytes_are_rgba_not_bgra()
    {
        // A pure red PNG: R first in memory, whatever Skia's native order on this platform.
        var red = PngWriter.Write(2, 1, 8, 2, [[255, 0, 0, 255, 0, 0]]);
        using var photo = Photo.Decode(red);
        Assert.Equal(new byte[] { 255, 0, 0, 255, 255, 0, 0, 255 }, photo.Rgba);
    }

    [Fact]
    public void Gif_first_frame()
    {
        // 1x1 GIF89a, palette [white, black], the pixel is black.
        byte[] gif = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0x80, 0, 0, 255, 255, 255, 0, 0, 0,
                      0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 0x01, 0, 0x3B];
        Assert.Equal("gif", ImageProbe.Probe(gif).Format);
        using var photo = Photo.Decode(gif);
        Assert.Equal((0, 0, 0, 255), Images.Pixel(photo, 0, 0));
    }

    [Fact]
    public void Greyscale_palette_16_bit_and_grey_alpha_pngs()
    {
        using var grey = Photo.Decode(PngWriter.Write(2, 1, 8, 0, [[10, 200]]));
        Assert.Equal((200, 200, 200, 255), Images.Pixel(grey, 1, 0));

        using var palette = Photo.Decode(PngWriter.Write(2, 1, 8, 3, [[1, 0]], palette: [0, 0, 255, 10, 20, 30], transparency: [255, 128]));
        Assert.Equal((10, 20, 30, 128), Images.Pixel(palette, 0, 0));
        Assert.Equal((0, 0, 255, 255), Images.Pixel(palette, 1, 0));

        using var deep = Photo.Decode(PngWriter.Write(1, 1, 16, 2, [[0xFF, 0xFF, 0x80, 0x00, 0x00, 0x00]]));
        Assert.Equal((255, 128, 0, 255), Images.Pixel(deep, 0, 0));

        using var greyAlpha = Photo.Decode(PngWriter.Write(1, 1, 8, 4, [[90, 64]]));
        Assert.Equal((90, 90, 90, 64), Images.Pixel(greyAlpha, 0, 0));
    }

    [Fact]
    public void Semi_transparent_colours_survive_decoding_exactly()
    {
        var png = PngWriter.Write(1, 1, 8, 6, [[200, 100, 50, 10]]);
        using var photo = Photo.Decode(png);
        Assert.Equal((200, 100, 50, 10), Images.Pixel(photo, 0, 0));
    }

    [Theory]
    [InlineData(6, 20, 40)]
    [InlineData(8, 20, 40)]
    [InlineData(3, 40, 20)]
    public void Exif_orientation_is_applied(int orientation, int width, int height)
    {
        // Stored 40x20: left half red, right half blue.
        var rgba = new byte[40 * 20 * 4];
        for (var y = 0; y < 20; y++)
        for (var x = 0; x < 40; x++)
            rgba.AsSpan((y * 40 + x) * 4, 4).Fill(0);
        for (var i = 0; i < 40 * 20; i++)
        {
            var left = i % 40 < 20;
            rgba[i * 4] = left ? (byte)255 : (byte)0;
            rgba[i * 4 + 2] = left ? (byte)0 : (byte)255;
            rgba[i * 4 + 3] = 255;
        }
        var jpeg = WithExifOrientation(Images.Encode(new Photo(40, 20, rgba), SKEncodedImageFormat.Jpeg), orientation);

        Assert.Equal((width, height), (ImageProbe.Probe(jpeg).Width, ImageProbe.Probe(jpeg).Height));
        using var photo = Photo.Decode(jpeg);
        Assert.Equal((width, height), (photo.Width, photo.Height));
        // 6 (rotate 90° clockwise): the stored left (red) becomes the top. 8: the bottom. 3 (180°): the right.
        var (redX, redY) = orientation switch { 6 => (10, 2), 8 => (10, 37), _ => (37, 10) };
        var (blueX, blueY) = orientation switch { 6 => (10, 37), 8 => (10, 2), _ => (2, 10) };
        Assert.True(Images.Pixel(photo, redX, redY).R > 200 && Images.Pixel(photo, redX, redY).B < 60);
        Assert.True(Images.Pixel(photo, blueX, blueY).B > 200 && Images.Pixel(photo, blueX, blueY).R < 60);
    }

    [Fact]
    public void A_header_claiming_30000_by_30000_fails_with_TooLarge_before_allocating()
    {
        var lying = PngWriter.LyingHeader(30000, 30000);
        Assert.Equal(new ImageInfo(30000, 30000, "png"), ImageProbe.Probe(lying));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var e = Assert.Throws<CutoutException>(() => Photo.Decode(lying));
        Assert.Equal(CutoutErrorKind.TooLarge, e.Kind);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 10_000_000, "no pixel buffer was allocated");
    }

    [Fact]
    public void Non_images_and_empty_files_fail_cleanly()
    {
        Assert.Equal(CutoutErrorKind.NotAnImage, Assert.Throws<CutoutException>(() => Photo.Decode("hello, not a photo"u8)).Kind);
        Assert.Equal(CutoutErrorKind.NotAnImage, Assert.Throws<CutoutException>(() => ImageProbe.Probe([])).Kind);
    }

    /// <summary>Inserts an APP1 Exif segment (big-endian TIFF, one IFD entry: Orientation) after the JPEG's SOI.</summary>
    static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] tiff = [0x4D, 0x4D, 0, 0x2A, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }
}
