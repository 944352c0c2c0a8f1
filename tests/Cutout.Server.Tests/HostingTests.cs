using System.Net;
using System.Text.Json;
using Cutout.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Cutout.Server.Tests;

public sealed class HostingTests
{
    static CutoutServerOptions OptionsOf(params string[] args)
    {
        using var app = ServerHost.Build(args);
        return app.Services.GetRequiredService<IOptions<CutoutServerOptions>>().Value;
    }

    [Fact]
    public void Defaults_match_the_documented_limits()
    {
        var options = OptionsOf();
        Assert.Equal(25L * 1024 * 1024, options.MaxUploadBytes);
        Assert.Equal(50_000_000, options.MaxPixels);
        Assert.True(options.MaxConcurrentInferences >= 1);
        Assert.Equal(TimeSpan.FromSeconds(60), options.RequestTimeout);
    }

    [Fact]
    public void Settings_bind_from_the_command_line_and_its_friendly_switches()
    {
        var options = OptionsOf("--Cutout:MaxPixels=1234", "--Cutout:RequestTimeout=00:00:05", "--model", "isnet", "--threads", "2");
        Assert.Equal(1234, options.MaxPixels);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestTimeout);
        Assert.Equal("isnet", options.DefaultModel);
        Assert.Equal(2, options.IntraOpThreads);
    }

    [Fact]
    public void Listens_on_loopback_port_5000_unless_told_otherwise()
    {
        using var plain = ServerHost.Build([]);
        Assert.Equal(ServerHost.DefaultUrl, plain.Configuration["urls"]);
        using var told = ServerHost.Build(["--urls", "http://0.0.0.0:8080"]);
        Assert.Equal("http://0.0.0.0:8080", told.Configuration["urls"]);
    }

    [Fact]
    public async Task Nonsensical_limits_stop_the_start_with_a_message()
    {
        await using var app = ServerHost.Build(["--urls=http://127.0.0.1:0", "--Cutout:MaxConcurrentInferences=0"]);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains("Cutout:MaxConcurrentInferences", error.Message);
    }

    [Fact]
    public async Task Health_openapi_and_page_are_served()
    {
        await using var server = await RunningServer.StartAsync(loader: _ => new EchoModel());

        using var health = await server.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);

        using var openApi = JsonDocument.Parse(await server.Client.GetStringAsync("/openapi/v1.json"));
        var remove = openApi.RootElement.GetProperty("paths").GetProperty("/api/remove").GetProperty("post");
        var parameters = remove.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["model", "format", "mask", "bg", "refine", "raw_alpha", "crop"], parameters);
        Assert.True(remove.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _));
        Assert.True(remove.GetProperty("requestBody").GetProperty("content").TryGetProperty("image/jpeg", out _));
        Assert.True(remove.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("image/png", out _));
        Assert.True(remove.GetProperty("responses").TryGetProperty("413", out _));
        Assert.Equal("Cutout", openApi.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/models", out _));

        using var page = await server.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Cutout", await page.Content.ReadAsStringAsync());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        foreach (var asset in new[] { "/app.css", "/app.js" })
        {
            using var response = await server.Client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}

/// <summary>Changes process environment variables, so it runs alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class EnvironmentTests
{
    [Fact]
    public void Environment_variables_set_limits_as_in_any_aspnet_app()
    {
        Environment.SetEnvironmentVariable("Cutout__MaxUploadBytes", "4242");
        Environment.SetEnvironmentVariable("Cutout__MaxQueueLength", "3");
        try
        {
            using var app = ServerHost.Build([]);
            var options = app.Services.GetRequiredService<IOptions<CutoutServerOptions>>().Value;
            Assert.Equal(4242, options.MaxUploadBytes);
            Assert.Equal(3, options.MaxQueueLength);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Cutout__MaxUploadBytes", null);
            Environment.SetEnvironmentVariable("Cutout__MaxQueueLength", null);
        }
    }
}
