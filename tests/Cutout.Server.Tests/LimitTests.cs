using System.Net;
using Cutout.Server.Inference;
using Cutout.Server.Models;
using Cutout.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>Upload size, pixel count, queue and timeout limits, each set small through configuration.</summary>
public sealed class LimitTests
{
    static ModelLoader Always(IRemovalModel model) => _ => model;

    [Fact]
    public async Task A_raw_body_over_the_upload_limit_is_413()
    {
        await using var server = await RunningServer.StartAsync(["Cutout:MaxUploadBytes=100000"], Always(new EchoModel()));
        using var response = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Astronaut));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("97.7 KB", detail);
    }

    [Fact]
    public async Task A_multipart_file_over_the_upload_limit_is_413()
    {
        await using var server = await RunningServer.StartAsync(["Cutout:MaxUploadBytes=700000"], Always(new EchoModel()));
        using var response = await server.Client.PostAsync("/api/remove", Images.Form(Images.Astronaut));
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_chunked_body_over_the_upload_limit_is_413()
    {
        await using var server = await RunningServer.StartAsync(["Cutout:MaxUploadBytes=100000"], Always(new EchoModel()));
        var content = new StreamContent(new MemoryStream(Images.Astronaut));   // no Content-Length: chunked
        content.Headers.ContentType = new("image/png");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/remove") { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await server.Client.SendAsync(request);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_image_over_the_pixel_limit_is_413_before_any_inference()
    {
        var model = new BlockingModel();
        await using var server = await RunningServer.StartAsync(["Cutout:MaxPixels=200000"], Always(model));
        using var response = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Astronaut));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("512 × 512", detail);
        Assert.Contains("0.2 MP", detail);
        Assert.Equal(0, model.Entered);
    }

    [Fact]
    public async Task Beyond_the_queue_the_answer_is_503_with_retry_after()
    {
        var model = new BlockingModel();
        await using var server = await RunningServer.StartAsync(
            ["Cutout:MaxConcurrentInferences=1", "Cutout:MaxQueueLength=1", "Cutout:RetryAfter=00:00:07"], Always(model));
        var image = Images.Png(64, 64);

        var running = server.Client.PostAsync("/api/remove", Images.Raw(image));
        await model.WaitUntilEnteredAsync(1);
        var queued = server.Client.PostAsync("/api/remove", Images.Raw(image));
        var gate = server.App.Services.GetRequiredService<InferenceGate>();
        await Eventually.TrueAsync(() => gate.Queued == 1, "the second request takes the one queue place");
        using (var refused = await server.Client.PostAsync("/api/remove", Images.Raw(image)))
        {
            var detail = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.ServiceUnavailable);
            Assert.Contains("busy", detail);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
        }

        model.Release();
        using var first = await running;
        using var second = await queued;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, model.Entered);
    }

    [Fact]
    public async Task A_request_over_the_timeout_is_503()
    {
        var model = new BlockingModel();
        await using var server = await RunningServer.StartAsync(["Cutout:RequestTimeout=00:00:00.300"], Always(model));
        using var response = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Png(64, 64)));
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("took longer", detail);
        Assert.NotNull(response.Headers.RetryAfter);
        model.Release();
    }

    [Fact]
    public async Task A_timed_out_inference_keeps_its_slot_until_it_ends()
    {
        var model = new BlockingModel();
        await using var server = await RunningServer.StartAsync(
            ["Cutout:RequestTimeout=00:00:00.300", "Cutout:MaxConcurrentInferences=1", "Cutout:MaxQueueLength=0"], Always(model));
        using (var timedOut = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Png(64, 64))))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, timedOut.StatusCode);

        using (var busy = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Png(64, 64))))
            Assert.Contains("busy", await ProblemAssert.IsProblemAsync(busy, HttpStatusCode.ServiceUnavailable));
        Assert.Equal(1, model.Entered);

        model.Release();
        var gate = server.App.Services.GetRequiredService<InferenceGate>();
        await Eventually.TrueAsync(() => gate.Running == 0, "the released inference gives its slot back");
        using var after = await server.Client.PostAsync("/api/remove", Images.Raw(Images.Png(64, 64)));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
