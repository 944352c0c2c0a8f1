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
    [InlineData("RebeccaPurple", "rebeccapurple")]
    public void Backgrounds_are_colours_or_blur(string bg, string? expected) =>
        Assert.Equal(expected, Parse(("bg", bg)).Options.Background);

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\photo.jpg")]
    [InlineData("beach.jpg")]
    [InlineData("#12345")]
    public void Background_file_paths_are_refused(string bg)
    {
        var error = Assert.Throws<RequestRejectedException>(() => Parse(("bg", bg)));
        Assert.Equal(400, error.Status);
    }
}
