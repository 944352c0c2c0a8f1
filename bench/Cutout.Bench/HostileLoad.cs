using System.Diagnostics;
using SkiaSharp;
using Cutout.Tests;

namespace Cutout.Bench;

/// <summary>
/// Issue 14's attack on `cutout serve`: what one hostile upload costs the server in CPU, whether /healthz still
/// answers while many arrive at once, and what normal uploads get when a quarter of the traffic is hostile.
/// </summary>
static class HostileLoad
{
    public sealed record Cost(string Kind, double Bytes, int Status, double CpuSecondsPerRequest, double WallMsPerRequest);

    public sealed record Result(string Label, string Cli, List<Cost> Costs, int Attackers, int AttackSeconds, int AttackSent,
        int AttackAnswered, Dictionary<int, int> AttackStatuses, Stats HealthMs, int HealthFailed, int MixedRequests, int Concurrency,
        double MixedSeconds, int NormalAnswered, double NormalPerSecond, Stats NormalMs, Dictionary<int, int> HostileStatuses,
        int CleanRequests, double CleanPerSecond, Stats CleanMs, double PeakRssMb);

    const int CostRepeats = 3;

    public static async Task<Result> RunAsync(Options options, Fixtures fixtures, IDictionary<string, string> env)
    {
        var normal = await File.ReadAllBytesAsync(fixtures.Jpeg1Mp);
        var kinds = Kinds(normal, await File.ReadAllBytesAsync(fixtures.JpegSmall));
        await using var server = await ServeRuns.StartAsync(options.Model, env, TimeSpan.FromSeconds(options.HostileSeconds * 3));
        Console.WriteLine($"hostile ({options.Label}, {Child.CliPath}) on {server.Client.BaseAddress}");
        await server.PostAsync(-1, "warm-up", normal);

        var costs = new List<Cost>();
        foreach (var (kind, body) in kinds)
        {
            var cpu = Child.CpuSeconds(server.Pid);
            var clock = Stopwatch.StartNew();
            var status = 0;
            for (var i = 0; i < CostRepeats; i++) status = (await server.PostAsync(i, kind, body)).Status;
            costs.Add(new Cost(kind, body.Length, status, (Child.CpuSeconds(server.Pid) - cpu) / CostRepeats,
                clock.Elapsed.TotalMilliseconds / CostRepeats));
            Console.WriteLine($"  {kind}: {status}, {costs[^1].CpuSecondsPerRequest:0.000} CPU s, {costs[^1].WallMsPerRequest:0} ms each");
        }

        // The attack: clients send the hostile kinds back to back; /healthz is asked every 100 ms meanwhile.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(options.HostileSeconds));
        var attack = new List<ServeRuns.Outcome>();
        var sent = 0;
        var attackers = Enumerable.Range(0, options.HostileAttackers).Select(a => Task.Run(async () =>
        {
            for (var i = a; !stop.IsCancellationRequested; i += options.HostileAttackers)
            {
                Interlocked.Increment(ref sent);
                var outcome = await server.PostAsync(i, kinds[i % kinds.Count].Kind, kinds[i % kinds.Count].Body);
                lock (attack) attack.Add(outcome);
            }
        })).ToList();
        var health = new List<double>();
        var healthFailed = 0;
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var probe = new CancellationTokenSource(TimeSpan.FromSeconds(options.HostileSeconds));
                using var response = await server.Client.GetAsync("/healthz", probe.Token);
                if (response.IsSuccessStatusCode) health.Add(clock.Elapsed.TotalMilliseconds);
                else healthFailed++;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { healthFailed++; }
            await Task.Delay(100);
        }
        // Requests still hanging when the attack ends are counted as unanswered, not awaited.
        await Task.WhenAny(Task.WhenAll(attackers), Task.Delay(TimeSpan.FromSeconds(5)));
        List<ServeRuns.Outcome> answered;
        lock (attack) answered = [.. attack.Where(o => o.Status != 0)];
        Console.WriteLine($"  attack: {sent} sent, {answered.Count} answered; /healthz {health.Count} ok, {healthFailed} failed, max {health.DefaultIfEmpty().Max():0} ms");

        // Reference in the same run: the same number of normal uploads with no hostile traffic around them.
        var normalCount = options.HostileRequests - options.HostileRequests / 4;
        var clockClean = Stopwatch.StartNew();
        var clean = await server.LoadAsync(normalCount, options.ServeConcurrency, _ => ("normal 1 MP jpeg", normal));
        var cleanSeconds = clockClean.Elapsed.TotalSeconds;
        var cleanOk = clean.Where(o => o.Status == 200).ToList();
        Console.WriteLine($"  clean: {cleanOk.Count}/{normalCount} answered 200 in {cleanSeconds:0.0} s");

        var clockMixed = Stopwatch.StartNew();
        var mixed = await server.LoadAsync(options.HostileRequests, options.ServeConcurrency,
            i => i % 4 == 3 ? kinds[i / 4 % kinds.Count] : ("normal 1 MP jpeg", normal));
        var mixedSeconds = clockMixed.Elapsed.TotalSeconds;
        var normals = mixed.Where(o => o.Kind.StartsWith("normal")).ToList();
        var normalOk = normals.Where(o => o.Status == 200).ToList();
        Console.WriteLine($"  mixed: {normalOk.Count}/{normals.Count} normal answered 200 in {mixedSeconds:0.0} s");

        return new Result(options.Label, Child.CliPath, costs,
            options.HostileAttackers, options.HostileSeconds, sent, answered.Count, StatusCounts(answered), Stats.Of(health), healthFailed,
            options.HostileRequests, options.ServeConcurrency, mixedSeconds, normalOk.Count, normalOk.Count / mixedSeconds,
            Stats.Of(normalOk.Select(o => o.Ms)), StatusCounts(mixed.Where(o => !o.Kind.StartsWith("normal"))),
            normalCount, cleanOk.Count / cleanSeconds, Stats.Of(cleanOk.Select(o => o.Ms)), server.PeakRssKb / 1024.0);
    }

    static Dictionary<int, int> StatusCounts(IEnumerable<ServeRuns.Outcome> outcomes) =>
        outcomes.GroupBy(o => o.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The reproduced attacks of issue 14, built from the run's own 1 MP and 512x384 JPEGs.</summary>
    static List<(string Kind, byte[] Body)> Kinds(byte[] jpeg1Mp, byte[] jpegSmall)
    {
        const int MB = 1024 * 1024;
        byte[] png1Mp;
        using (var bitmap = SKBitmap.Decode(jpeg1Mp))
        using (var data = bitmap.Encode(SKEncodedImageFormat.Png, 100))
            png1Mp = data.ToArray();
        return
        [
            ("1 MP PNG + 24 MB tEXt", HostileInputs.PngWithChunk(png1Mp, "tEXt", 24 * MB - png1Mp.Length)),
            ("PNG 60000x60000 + 24 MB tEXt", HostileInputs.PngWithChunk(PngWriter.LyingHeader(60000, 60000), "tEXt", 24 * MB)),
            ("JPEG + 17 MB APP segments", HostileInputs.JpegWithAppSegments(jpegSmall, 17 * MB)),
            ("1 KB RLE BMP declaring 7000x7000", HostileInputs.RleBmp(7000, 7000)),
            ("blank 1-bit PNG declaring 7000x7000", HostileInputs.BlankPng(7000, 7000)),
        ];
    }
}
