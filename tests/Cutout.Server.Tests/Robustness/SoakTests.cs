using System.Diagnostics;
using System.Net;
using Cutout.Server.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

using Cutout.Tests.Robustness;

namespace Cutout.Server.Tests.Robustness;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoakCollection
{
    public const string Name = "soak (alone, for a quiet memory reading)";
}

/// <summary>
/// The CI-sized soak: 300 requests at concurrency 8 over loopback, good and broken images mixed, against the real
/// library pipeline. Every request is answered with an expected status and memory stays bounded after warm-up.
/// The full 10,000-request soak against `cutout serve` with the shipped model is `bench/Cutout.Bench soak`.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    const int Requests = 300;
    const int Concurrency = 8;
    const int Warmup = 60;

    [Fact]
    public async Task Three_hundred_mixed_requests_are_all_answered_and_memory_stays_bounded()
    {
        await using var server = await RunningServer.StartAsync(loader: LibraryBackedModel.Loader);
        var mix = new[]
        {
            BadInputCorpus.Get("JPEG named .png"),
            BadInputCorpus.Get("CMYK JPEG (Adobe APP14, hand-built)"),
            BadInputCorpus.Get("JPEG truncated at half"),
            BadInputCorpus.Get("text file with an image extension"),
            BadInputCorpus.Get("PNG header claiming 30000x30000"),
            BadInputCorpus.Get("random bytes"),
            BadInputCorpus.Get("empty file"),
            BadInputCorpus.Get("16-bit RGBA PNG"),
        };
        var statuses = new HttpStatusCode[Requests];
        long managedWarm = 0, rssWarm = 0;
        var next = -1;
        var done = 0;
        var clock = Stopwatch.StartNew();

        async Task Client()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < Requests)
            {
                var input = mix[i % mix.Length];
                using var content = ApiRobustnessTests.Raw(input.Bytes);
                using var response = await server.Client.PostAsync("/api/remove", content);
                await response.Content.ReadAsByteArrayAsync();
                statuses[i] = response.StatusCode;
                Assert.True(ApiRobustnessTests.Allowed(input).Contains(response.StatusCode) || response.StatusCode == HttpStatusCode.ServiceUnavailable,
                    $"request {i} ({input.Name}): {(int)response.StatusCode}");
                if (Interlocked.Increment(ref done) == Warmup) (managedWarm, rssWarm) = Memory();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(Client)));
        var (managedEnd, rssEnd) = Memory();

        Assert.Equal(Requests, done);
        Assert.DoesNotContain(statuses, s => s == 0);
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; " +
                         string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"managed heap {managedWarm / 1e6:0.0} -> {managedEnd / 1e6:0.0} MB, RSS {rssWarm / 1e6:0} -> {rssEnd / 1e6:0} MB");
        Assert.True(managedEnd - managedWarm < 32_000_000, $"managed heap grew {managedWarm / 1e6:0.0} -> {managedEnd / 1e6:0.0} MB");
        Assert.True(rssEnd < rssWarm * 1.25 + 32_000_000, $"RSS grew {rssWarm / 1e6:0} -> {rssEnd / 1e6:0} MB");
    }

    static (long Managed, long Rss) Memory()
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (managed, self.WorkingSet64);
    }
}
