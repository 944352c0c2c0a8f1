using Cutout.Server.Api;
using Xunit;

namespace Cutout.Server.Tests;

public sealed class RemoveRequestTests
{
    static RemoveRequest Parse(params (string Key, string Value)[] fields) =>
        RemoveRequest.Parse(fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.OrdinalIgnoreCase),
                            new CutoutServerOptions { MaxPixels = 1000 });

    [Fact]
    public void No_fields_mean_a_transparent_png_on_the_default_model()
    {
        var request = Parse();
        Assert.Null(request.Model);
        Assert.Equal(new RemoveOptions { MaxPixels = 1000 }, request.Options);
    }

    [Fact]
    public void Every_field_maps_to_its_option()
    {
        var request = Parse(("model", "isnet"), ("format", "WebP"), ("mask", "1"), ("bg", "#abc"), ("refine", "on"), ("crop", ""),
            ("raw_alpha", "true"));
        Assert.Equal("isnet", request.Model);
        Assert.Equal(OutputFormat.WebP, request.Options.Format);
        Assert.True(request.Options.Mask);
        Assert.Equal("#abc", request.Options.Background);
        Assert.True(request.Options.Refine);
        Assert.True(request.Options.RawAlpha);
        Assert.True(request.Options.Crop);
    }

    [Theory]
    [InlineData("transparent", null)]
    [InlineData("", null)]
    [InlineData("BLUR", "blur")]
    [InlineData("00ff00", "#00ff00")]
    [InlineData("#FFF", "#FFF")]
    [InlineData("SteelBlue", "steelblue")]
    public void Backgrounds_are_colours_or_blur(string bg, string? expected) =>
        Assert.Equal(expected, Parse(("bg", bg)).Options.Background);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\photo.jpg")]
    [InlineData("beach.jpg")]
    [InlineData("#12345")]
    [InlineData("RebeccaPurple")]   // a word, but not a colour the library knows: refused here, not after inference
    [InlineData("notacolour")]
    public void Background_file_paths_and_unknown_colours_are_refused(string bg)
    {
        var error = Assert.Throws<RequestRejectedException>(() => Parse(("bg", bg)));
        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void A_huge_bad_value_is_quoted_back_cut_short()
    {
        var error = Assert.Throws<RequestRejectedException>(() => Parse(("bg", new string('x', 4 * 1024 * 1024))));
        Assert.True(error.Message.Length < 300, $"{error.Message.Length} characters");
        Assert.Contains(new string('x', Echo.MaxLength) + "…", error.Message);
    }

    [Theory]
    [InlineData("background")]
    [InlineData("formt")]
    public void Unknown_fields_are_refused_by_name(string field)
    {
        var error = Assert.Throws<RequestRejectedException>(() => Parse((field, "1")));
        Assert.Equal(400, error.Status);
        Assert.Contains($"'{field}'", error.Message);
    }

    [Fact]
    public void Jpeg_without_a_background_is_refused_before_the_upload_is_decoded()
    {
        var error = Assert.Throws<RequestRejectedException>(() => Parse(("format", "jpeg")));
        Assert.Contains("transparency", error.Message);
    }
}
