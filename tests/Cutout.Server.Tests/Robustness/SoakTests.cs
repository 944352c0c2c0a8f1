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
/// library pipeline. The queue holds every waiting client, so no request may be turned away: each good image gets its
/// real cut-out (the bytes the library makes for it alone) and each broken one its error. Memory stays bounded after
/// warm-up, tightly enough that keeping one 1 MP photo or matte per request fails.
/// The full 10,000-request soak against `cutout serve` with the shipped model is `bench/Cutout.Bench soak`.
/// </summary>
[Collection(SoakCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    const int Requests = 300;
    const int Concurrency = 8;
    const int Warmup = 100;
    const int PhotoSide = 1024;   // decoded: 4 MB of RGBA and 4 MB of float matte per request

    /// <summary>The sample photo at 1 MP: the soak's real work, and what a leak per request would keep.</summary>
    static BadInput Photo() => new("1 MP photo", "photo.png", BadInputCorpus.AstronautPng(PhotoSide, PhotoSide), Expect.Works, (PhotoSide, PhotoSide));

    [Fact]
    public async Task Three_hundred_mixed_requests_are_all_answered_and_memory_stays_bounded()
    {
        await using var server = await RunningServer.StartAsync(
            [$"Cutout:MaxQueueLength={Concurrency}", "Cutout:RequestTimeout=00:05:00"], LibraryBackedModel.Loader);
        var photo = Photo();
        var mix = new[]
        {
            photo,
            BadInputCorpus.Get("JPEG named .png"),
            BadInputCorpus.Get("CMYK JPEG (Adobe APP14, hand-built)"),
            BadInputCorpus.Get("JPEG truncated at half"),
            BadInputCorpus.Get("text file with an image extension"),
            BadInputCorpus.Get("PNG header claiming 30000x30000"),
            BadInputCorpus.Get("random bytes"),
            BadInputCorpus.Get("empty file"),
            BadInputCorpus.Get("16-bit RGBA PNG"),
            photo,
        };
        var expected = mix.Where(m => m.Expect == Expect.Works).Distinct()
            .ToDictionary(m => m, m => RobustnessModel.Remover.Remove(m.Bytes, new RemoveOptions()).Data);
        var works = 0;
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
                var body = await response.Content.ReadAsByteArrayAsync();
                statuses[i] = response.StatusCode;
                Assert.True(ApiRobustnessTests.Allowed(input).Contains(response.StatusCode),
                    $"request {i} ({input.Name}): {(int)response.StatusCode}");
                if (expected.TryGetValue(input, out var cutout))
                {
                    Assert.True(cutout.AsSpan().SequenceEqual(body), $"request {i} ({input.Name}): not its cut-out ({body.Length} bytes)");
                    Interlocked.Increment(ref works);
                }
                if (Interlocked.Increment(ref done) == Warmup) (managedWarm, rssWarm) = Memory();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(Client)));
        var (managedEnd, rssEnd) = Memory();

        Assert.Equal(Requests, done);
        Assert.DoesNotContain(statuses, s => s == 0);
        Assert.Equal(Enumerable.Range(0, Requests).Count(i => mix[i % mix.Length].Expect == Expect.Works), works);
        output.WriteLine($"{Requests} requests in {clock.Elapsed.TotalSeconds:0.0} s; " +
                         string.Join(", ", statuses.GroupBy(s => (int)s).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"managed heap {managedWarm / 1e6:0.0} -> {managedEnd / 1e6:0.0} MB, RSS {rssWarm / 1e6:0} -> {rssEnd / 1e6:0} MB");
        // After warm-up 40 photos pass: keeping one photo or matte (4 MB) each would add about 160 MB.
        Assert.True(managedEnd - managedWarm < 32_000_000, $"managed heap grew {managedWarm / 1e6:0.0} -> {managedEnd / 1e6:0.0} MB");
        Assert.True(rssEnd - rssWarm < 96_000_000, $"RSS grew {rssWarm / 1e6:0} -> {rssEnd / 1e6:0} MB");
    }

    static (long Managed, long Rss) Memory()
    {
        // An aggressive collection hands freed segments back to the system, so RSS counts what is still held.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        return (managed, self.WorkingSet64);
    }
}
