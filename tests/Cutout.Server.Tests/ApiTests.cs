using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cutout.Server.Tests.Infrastructure;
using Cutout.Server.Tests.Robustness;
using SkiaSharp;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>The HTTP API on the test model (the shipped default unless CUTOUT_TEST_MODEL says otherwise).</summary>
public sealed class ApiTests(ApiTests.Server server) : IClassFixture<ApiTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public RunningServer Running { get; private set; } = null!;
        public HttpClient Client => Running.Client;
        public async Task InitializeAsync() => Running = await RunningServer.StartAsync();
        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    HttpClient Client => server.Client;

    static void AssertCutOut(SKBitmap result)
    {
        Assert.Equal(512, result.Width);
        Assert.Equal(512, result.Height);
        Assert.True(result.GetPixel(300, 20).Alpha < 40, $"wall above the head should be transparent: {result.GetPixel(300, 20)}");
        Assert.True(result.GetPixel(500, 60).Alpha < 40, $"wall right of the shuttle should be transparent: {result.GetPixel(500, 60)}");
        Assert.True(result.GetPixel(225, 120).Alpha > 215, $"the face should be opaque: {result.GetPixel(225, 120)}");
        Assert.True(result.GetPixel(150, 400).Alpha > 215, $"the suit should be opaque: {result.GetPixel(150, 400)}");
    }

    [Fact]
    public async Task Multipart_upload_returns_a_png_with_a_transparent_background()
    {
        using var response = await Client.PostAsync("/api/remove", Images.Form(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("astronaut-cutout.png", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("model;dur=", string.Join(",", response.Headers.GetValues("Server-Timing")));
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        AssertCutOut(result);
    }

    [Fact]
    public async Task The_response_names_the_model_and_says_whether_a_subject_was_found()
    {
        using var found = await Client.PostAsync("/api/remove", Images.Form(Images.Astronaut));
        Assert.Equal("true", found.Headers.GetValues("Cutout-Subject-Found").Single());
        Assert.False(string.IsNullOrEmpty(found.Headers.GetValues("Cutout-Model").Single()));

        using var blank = new SKBitmap(200, 150);
        blank.Erase(new SKColor(128, 128, 128));
        using var encoded = blank.Encode(SKEncodedImageFormat.Png, 100);
        using var empty = await Client.PostAsync("/api/remove", Images.Form(encoded.ToArray()));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal("false", empty.Headers.GetValues("Cutout-Subject-Found").Single());
        using var result = Images.Decode(await empty.Content.ReadAsByteArrayAsync());
        Assert.True(result.Pixels.Count(p => p.Alpha >= 128) < 0.001 * result.Width * result.Height, "an empty cut-out is what the header says");
    }

    [Fact]
    public async Task Raw_body_upload_works_like_multipart()
    {
        using var response = await Client.PostAsync("/api/remove", Images.Raw(Images.Astronaut, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image-cutout.png", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        AssertCutOut(result);
    }

    [Fact]
    public async Task A_raw_body_sent_as_urlencoded_like_curl_data_binary_is_the_image()
    {
        using var response = await Client.PostAsync("/api/remove?bg=white&format=jpeg", Images.Raw(Images.Astronaut, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("webp", "", "image/webp", SKEncodedImageFormat.Webp)]
    [InlineData("png", "", "image/png", SKEncodedImageFormat.Png)]
    [InlineData("jpeg", "&bg=white", "image/jpeg", SKEncodedImageFormat.Jpeg)]
    [InlineData("jpg", "&bg=blur", "image/jpeg", SKEncodedImageFormat.Jpeg)]
    public async Task Format_picks_the_encoding_and_content_type(string format, string more, string contentType, SKEncodedImageFormat encoded)
    {
        using var response = await Client.PostAsync($"/api/remove?format={format}{more}", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        Assert.Equal(encoded, codec.EncodedFormat);
    }

    [Fact]
    public async Task Jpeg_needs_a_background_because_it_has_no_transparency()
    {
        using var response = await Client.PostAsync("/api/remove?format=jpeg", Images.Raw(Images.Astronaut));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(detail);
    }

    [Fact]
    public async Task Mask_returns_the_mask_alone()
    {
        using var response = await Client.PostAsync("/api/remove?mask=true", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        using var mask = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(512, mask.Width);
        Assert.True(mask.GetPixel(300, 20).Red < 40, "background is dark in the mask");
        Assert.True(mask.GetPixel(225, 120).Red > 215, "subject is bright in the mask");
        Assert.Equal(255, mask.GetPixel(300, 20).Alpha);
    }

    [Theory]
    [InlineData("%23ff0000")]
    [InlineData("ff0000")]
    [InlineData("red")]
    public async Task Colour_background_fills_the_background(string bg)
    {
        using var response = await Client.PostAsync($"/api/remove?bg={bg}", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        var wall = result.GetPixel(300, 20);
        Assert.Equal(255, wall.Alpha);
        Assert.True(wall.Red > 200 && wall.Green < 60 && wall.Blue < 60, $"expected red, got {wall}");
    }

    [Fact]
    public async Task Options_also_come_as_form_fields()
    {
        var form = Images.Form(Images.Astronaut, "me.png", ("bg", "#0000ff"), ("format", "jpeg"));
        using var response = await Client.PostAsync("/api/remove", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("me-cutout.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        var wall = result.GetPixel(300, 20);
        Assert.True(wall.Blue > 200 && wall.Red < 60, $"expected blue, got {wall}");
    }

    [Fact]
    public async Task Blur_background_is_opaque()
    {
        using var response = await Client.PostAsync("/api/remove?bg=blur", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(255, result.GetPixel(300, 20).Alpha);
        Assert.Equal(255, result.GetPixel(5, 5).Alpha);
    }

    [Fact]
    public async Task Refine_keeps_the_cut_out()
    {
        using var response = await Client.PostAsync("/api/remove?refine=true", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());
        AssertCutOut(result);
    }

    [Fact]
    public async Task Raw_alpha_keeps_the_soft_values_that_clean_alpha_removes()
    {
        using var clean = await Client.PostAsync("/api/remove?mask=true", Images.Raw(Images.Astronaut));
        using var raw = await Client.PostAsync("/api/remove?mask=true&raw_alpha=true", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, raw.StatusCode);
        using var cleanMask = Images.Decode(await clean.Content.ReadAsByteArrayAsync());
        using var rawMask = Images.Decode(await raw.Content.ReadAsByteArrayAsync());
        static int Soft(SKBitmap mask) => mask.Pixels.Count(p => p.Red is > 0 and < 255);
        Assert.True(Soft(rawMask) > 2 * Soft(cleanMask), $"soft pixels: raw {Soft(rawMask)}, clean {Soft(cleanMask)}");
    }

    /// <summary>
    /// On the hand-made darkness model (<see cref="LibraryBackedModel"/>) the subject box is known without the library:
    /// a black rectangle on a light wall, its edges on the 32 x 32 model grid, so the matte crosses 0.5 on those edges.
    /// The crop is that box grown by the server's 16 px margin, at that place in the photo.
    /// </summary>
    [Fact]
    public async Task Crop_returns_the_subject_within_the_photo()
    {
        const int margin = 16, slack = 2;
        var (left, top, right, bottom) = (640, 180, 832, 468);   // 1024 x 576 photo: model cells are 32 x 18 px
        await using var darkness = await RunningServer.StartAsync(loader: LibraryBackedModel.Loader);
        using var response = await darkness.Client.PostAsync("/api/remove?crop", Images.Raw(Images.RectangleOnAWall(1024, 576, left, top, right, bottom)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = Images.Decode(await response.Content.ReadAsByteArrayAsync());

        Assert.InRange(result.Width, right - left + 2 * margin - slack, right - left + 2 * margin + slack);
        Assert.InRange(result.Height, bottom - top + 2 * margin - slack, bottom - top + 2 * margin + slack);
        // The matte crosses 0.5 on the rectangle's edges, which sit after the margin inside the crop (not at its origin).
        void Edge(int x, int y, bool subject, string where) =>
            Assert.True(result.GetPixel(x, y).Alpha > 128 == subject, $"{where}: alpha {result.GetPixel(x, y).Alpha} at ({x}, {y})");
        Edge(margin - 4, result.Height / 2, false, "left margin");
        Edge(margin + 4, result.Height / 2, true, "left edge of the subject");
        Edge(result.Width / 2, margin - 4, false, "top margin");
        Edge(result.Width / 2, margin + 4, true, "top edge of the subject");
        Edge(result.Width - margin - 4, result.Height / 2, true, "right edge of the subject");
        Edge(result.Width - margin + 4, result.Height / 2, false, "right margin");
        Edge(result.Width / 2, result.Height - margin + 4, false, "bottom margin");
    }

    [Fact]
    public async Task A_damaged_image_is_a_bad_request()
    {
        using var response = await Client.PostAsync("/api/remove", Images.Raw(Images.Damaged));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotEmpty(detail);
    }

    [Fact]
    public async Task Models_lists_the_default_model()
    {
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/models");
        var defaultName = list.GetProperty("default").GetString();
        Assert.False(string.IsNullOrEmpty(defaultName));
        var models = list.GetProperty("models").EnumerateArray().ToList();
        Assert.Contains(models, m => m.GetProperty("name").GetString() == "isnet");
        Assert.DoesNotContain("path", list.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Naming_the_default_model_works()
    {
        var list = await Client.GetFromJsonAsync<JsonElement>("/api/models");
        var name = list.GetProperty("default").GetString();
        using var response = await Client.PostAsync($"/api/remove?model={name}", Images.Raw(Images.Astronaut));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("no-such-model")]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("%2Ftmp%2Fx.onnx")]
    public async Task Unknown_models_and_paths_are_refused(string model)
    {
        using var response = await Client.PostAsync($"/api/remove?model={model}", Images.Raw(Images.Astronaut));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("/api/models", detail);
    }
}
