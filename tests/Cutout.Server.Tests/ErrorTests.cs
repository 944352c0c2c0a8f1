using System.Net;
using System.Text;
using Cutout.Server.Tests.Infrastructure;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>Every refusal is application/problem+json with the right status, plain words and no stack trace.</summary>
public sealed class ErrorTests(ErrorTests.Server server) : IClassFixture<ErrorTests.Server>
{
    public sealed class Server : IAsyncLifetime
    {
        public RunningServer Running { get; private set; } = null!;
        public async Task InitializeAsync() => Running = await RunningServer.StartAsync(loader: _ => new EchoModel());
        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    HttpClient Client => server.Running.Client;

    [Fact]
    public async Task Text_is_not_an_image_415()
    {
        using var response = await Client.PostAsync("/api/remove", new StringContent("hello, not a picture", Encoding.UTF8, "text/plain"));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.NotEmpty(detail);
    }

    [Fact]
    public async Task A_multipart_text_file_is_not_an_image_415()
    {
        using var response = await Client.PostAsync("/api/remove", Images.Form(Encoding.UTF8.GetBytes("%PDF-1.7 not an image"), "doc.pdf"));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_empty_body_is_400()
    {
        using var response = await Client.PostAsync("/api/remove", new ByteArrayContent([]));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("no image", detail);
    }

    [Fact]
    public async Task A_form_without_a_file_field_is_400()
    {
        var form = new MultipartFormDataContent { { new StringContent("png"), "format" } };
        using var response = await Client.PostAsync("/api/remove", form);
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'file'", detail);
    }

    [Theory]
    [InlineData("format=gif", "format")]
    [InlineData("refine=maybe", "refine")]
    [InlineData("raw_alpha=perhaps", "raw_alpha")]
    [InlineData("mask=2", "mask")]
    [InlineData("crop=yes please", "crop")]
    [InlineData("bg=%2Fetc%2Fpasswd", "bg")]
    [InlineData("bg=..%2Fsecret.png", "bg")]
    public async Task Bad_option_values_are_400_and_name_the_option(string query, string option)
    {
        using var response = await Client.PostAsync("/api/remove?" + query, Images.Raw(Images.Png(32, 32)));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith(option, detail);
    }

    [Fact]
    public async Task Unknown_paths_are_404_problems()
    {
        using var response = await Client.GetAsync("/api/nothing-here");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failing_model_is_a_plain_500_without_internals()
    {
        await using var failing = await RunningServer.StartAsync(loader: _ => new ThrowingModel());
        using var response = await failing.Client.PostAsync("/api/remove", Images.Raw(Images.Png(32, 32)));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(ThrowingModel.Secret, await response.Content.ReadAsStringAsync());
    }
}
