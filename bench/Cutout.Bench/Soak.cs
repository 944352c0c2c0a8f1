using System.Diagnostics;

namespace Cutout.Bench;

/// <summary>`cutout serve` under a long mixed load: every request answered, resident memory flat after warm-up.</summary>
static class Soak
{
    public sealed record Result(string Model, int Requests, int Concurrency, double Seconds, int Unanswered, int UnexpectedStatuses,
        Dictionary<string, Dictionary<int, int>> StatusesByKind, Stats GoodLatencyMs, int WarmupRequests,
        double RssAfterWarmupMb, double RssEndMb, double RssMaxMb, double GrowthPercent, List<(int Request, double RssMb)> RssSamples,
        List<string> FirstErrors);

    static readonly HashSet<int> Expected = [200, 400, 413, 415, 503];

    public static async Task<Result> RunAsync(Options options, Fixtures fixtures, IDictionary<string, string> env)
    {
        var good = await File.ReadAllBytesAsync(fixtures.JpegSmall);
        var mix = new (string Kind, byte[] Body)[]
        {
            ("good jpeg 512x384", good),
            ("truncated jpeg", BadImages.Truncated(good)),
            ("text file", BadImages.Text),
            ("empty", []),
            ("png header 30000x30000", BadImages.PngClaiming(30000, 30000)),
            ("random bytes", BadImages.Garbage(1)),
        };
        // 12 good out of every 20, the rest one of each broken kind (two truncated, two text).
        int[] pattern = [0, 0, 0, 1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0, 5, 0, 1, 0, 2];

        var warmup = Math.Max(100, options.SoakRequests / 20);
        await using var server = await ServeRuns.StartAsync(options.Model, env);
        Console.WriteLine($"soak: {options.SoakRequests} requests at concurrency {options.SoakConcurrency} on {server.Client.BaseAddress}, warm-up {warmup}");
        await server.PostAsync(-1, "warm-up", good);

        var samples = new List<(int, double)>();
        double rssWarm = 0;
        var done = 0;
        var clock = Stopwatch.StartNew();
        var outcomes = await server.LoadAsync(options.SoakRequests, options.SoakConcurrency, i => mix[pattern[i % pattern.Length]], _ =>
        {
            var n = Interlocked.Increment(ref done);
            if (n == warmup || n % 250 == 0)
            {
                var rss = server.RssKb / 1024.0;
                lock (samples) samples.Add((n, rss));
                if (n == warmup) rssWarm = rss;
                if (n % 1000 == 0) Console.WriteLine($"  {n} answered, {clock.Elapsed.TotalSeconds:0} s, RSS {rss:0} MB");
            }
        });
        var seconds = clock.Elapsed.TotalSeconds;
        await Task.Delay(500);
        var rssEnd = server.RssKb / 1024.0;
        samples.Add((options.SoakRequests, rssEnd));

        var byKind = outcomes.GroupBy(o => o.Kind).ToDictionary(g => g.Key,
            g => g.GroupBy(o => o.Status).OrderBy(s => s.Key).ToDictionary(s => s.Key, s => s.Count()));
        var unanswered = outcomes.Count(o => o.Status == 0);
        var unexpected = outcomes.Count(o => o.Status != 0 && !Expected.Contains(o.Status));
        var errors = outcomes.Where(o => o.Status == 0 || !Expected.Contains(o.Status)).Take(5)
            .Select(o => $"#{o.Index} {o.Kind}: {o.Status} {o.Error}").ToList();
        var warmRss = rssWarm > 0 ? rssWarm : samples[0].Item2;
        return new Result(options.Model, options.SoakRequests, options.SoakConcurrency, seconds, unanswered, unexpected, byKind,
            Stats.Of(outcomes.Where(o => o.Kind.StartsWith("good") && o.Status == 200).Select(o => o.Ms)), warmup,
            warmRss, rssEnd, samples.Max(s => s.Item2), (rssEnd / warmRss - 1) * 100, samples, errors);
    }
}
