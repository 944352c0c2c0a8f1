using System.Net;
using Cutout.Server.Tests.Infrastructure;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>Reads the managed heap of the whole test process, so it runs alone.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;

[Collection(nameof(MemoryCollection))]
public sealed class MemoryTests
{
    [Fact]
    public async Task Server_memory_stays_flat_across_thousands_of_requests()
    {
        // Each upload is about 48 KB: a server keeping every request's upload would grow by about 100 MB.
        await using var server = await RunningServer.StartAsync(loader: _ => new EchoModel());
        var image = Images.NoisePng(128, 128);
        await PostAsync(server, image, 200);
        var before = Settle();
        await PostAsync(server, image, 2000);
        var after = Settle();
        Assert.True(after - before < 8L * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KB over 2000 requests");
    }

    [Fact]
    public async Task Memory_stays_flat_over_repeated_inferences_on_the_test_model()
    {
        // A 1.2 MP photo decodes to 4.9 MB of RGBA and its matte to 4.9 MB of floats: keeping either for each of the 40
        // requests would add about 200 MB, well past both limits. The heap's limit is tight on purpose: a 2 MB buffer
        // kept per thread (as ArrayPool.Shared does) grows with the thread pool and would pass or fail by chance.
        await using var server = await RunningServer.StartAsync();
        var image = Images.Png(1280, 960);
        await PostAsync(server, image, 10);   // warm up: model loaded, pools filled
        var before = Settle();
        var workingSetBefore = Environment.WorkingSet;
        await PostAsync(server, image, 40);
        var after = Settle();
        var workingSetGrowth = Environment.WorkingSet - workingSetBefore;
        Assert.True(after - before < 4L * 1024 * 1024, $"managed heap grew by {(after - before) / 1024} KB over 40 inferences");
        Assert.True(workingSetGrowth < 96L * 1024 * 1024, $"working set grew by {workingSetGrowth / 1024 / 1024} MB over 40 inferences");
    }

    static async Task PostAsync(RunningServer server, byte[] image, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await server.Client.PostAsync("/api/remove", Images.Raw(image));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    static long Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
