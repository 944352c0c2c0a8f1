using System.Net;
using Cutout.Server.Models;
using Cutout.Server.Tests.Infrastructure;
using Xunit;

namespace Cutout.Server.Tests;

public sealed class ModelRegistryTests
{
    [Fact]
    public async Task Each_model_is_loaded_once_and_shared_by_concurrent_requests()
    {
        var loads = 0;
        await using var server = await RunningServer.StartAsync(["Cutout:MaxQueueLength=100"], _ =>
        {
            Interlocked.Increment(ref loads);
            Thread.Sleep(200);   // a slow load, so the requests overlap it
            return new EchoModel();
        });
        var image = Images.Png(32, 32);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => server.Client.PostAsync("/api/remove", Images.Raw(image))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, loads);
    }

    /// <summary>
    /// Who loaded each time is read from the loader's call stack, so "not preloaded" needs no waiting: the lazy server's
    /// one load must come from its first request, and stopping the server awaits a preload that might still be running.
    /// </summary>
    [Fact]
    public async Task The_default_model_is_loaded_right_after_start_unless_told_not_to()
    {
        var loads = new System.Collections.Concurrent.ConcurrentQueue<string>();
        ModelLoader counting = _ =>
        {
            loads.Enqueue(Environment.StackTrace.Contains("DefaultModelPreload") ? "preload" : "request");
            return new EchoModel();
        };
        await using (var server = await RunningServer.StartAsync(loader: counting))
            await Eventually.TrueAsync(() => !loads.IsEmpty, "the default model is preloaded");
        Assert.Equal(["preload"], loads);

        await using (var lazy = await RunningServer.StartAsync(["Cutout:PreloadDefaultModel=false"], counting))
        {
            using var response = await lazy.Client.PostAsync("/api/remove", Images.Raw(Images.Png(32, 32)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(["preload", "request"], loads);
    }

    [Fact]
    public void A_failed_load_is_retried_by_the_next_request()
    {
        var attempts = 0;
        using var registry = new ModelRegistry(_ => ++attempts == 1 ? throw new IOException("disk hiccup") : new EchoModel());
        Assert.Throws<IOException>(() => registry.Get("m"));
        Assert.NotNull(registry.Get("m"));
        Assert.Same(registry.Get("m"), registry.Get("M"));
        Assert.True(registry.IsLoaded("m"));
    }
}
