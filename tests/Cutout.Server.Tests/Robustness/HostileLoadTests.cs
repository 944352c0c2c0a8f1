using System.Diagnostics;
using System.Net;
using Cutout.Server.Tests.Infrastructure;
using Cutout.Tests.Robustness;
using Xunit;

namespace Cutout.Server.Tests.Robustness;

/// <summary>
/// Issue 14, item 1 as a class: many hostile uploads at once must not take the server from anyone else. Timed, so it
/// runs alone (the memory collection is not parallelised).
/// </summary>
[Collection(nameof(MemoryCollection))]
public sealed class HostileLoadTests
{
    const int Attackers = 8;
    static readonly TimeSpan Attack = TimeSpan.FromSeconds(4);
    static readonly TimeSpan HealthLimit = TimeSpan.FromSeconds(1);
    static readonly TimeSpan NormalLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Health_and_a_normal_upload_keep_answering_while_hostile_uploads_pour_in()
    {
        await using var server = await RunningServer.StartAsync(loader: LibraryBackedModel.Loader);
        var hostile = BadInputCorpus.All.Where(c => c.Hostile).ToArray();
        using (var warm = await server.Client.PostAsync("/api/remove", ApiRobustnessTests.Raw(BadInputCorpus.Png)))
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        using var stop = new CancellationTokenSource(Attack);
        var statuses = new List<HttpStatusCode>();
        var attackers = Enumerable.Range(0, Attackers).Select(a => Task.Run(async () =>
        {
            for (var i = a; !stop.IsCancellationRequested; i += Attackers)
            {
                using var response = await server.Client.PostAsync("/api/remove", ApiRobustnessTests.Raw(hostile[i % hostile.Length].Bytes));
                lock (statuses) statuses.Add(response.StatusCode);
            }
        })).ToArray();

        await Task.Delay(500);   // the attack is under way
        var health = new List<TimeSpan>();
        var normal = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            using var response = await server.Client.PostAsync("/api/remove", ApiRobustnessTests.Raw(BadInputCorpus.Jpeg));
            return (response.StatusCode, clock.Elapsed);
        });
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            using var response = await server.Client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            health.Add(clock.Elapsed);
            await Task.Delay(100);
        }
        var (normalStatus, normalTime) = await normal;
        await Task.WhenAll(attackers);

        Assert.True(health.Count >= 5, $"only {health.Count} health checks answered in {Attack.TotalSeconds} s");
        Assert.True(health.Max() < HealthLimit, $"/healthz took up to {health.Max().TotalMilliseconds:0} ms under attack");
        Assert.Equal(HttpStatusCode.OK, normalStatus);
        Assert.True(normalTime < NormalLimit, $"a normal upload took {normalTime.TotalSeconds:0.0} s under attack");
        Assert.True(statuses.Count >= Attackers, $"only {statuses.Count} hostile uploads answered");
        Assert.All(statuses, s => Assert.Contains(s, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.ServiceUnavailable }));
    }
}
