using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Cutout.Bench;

/// <summary>`cutout serve` as a child process on loopback, driven by a fixed number of client tasks.</summary>
sealed class ServeRuns : IAsyncDisposable
{
    readonly Child _child;
    public HttpClient Client { get; }
    public int Pid => _child.Id;

    ServeRuns(Child child, Uri address, TimeSpan timeout)
    {
        _child = child;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = address,
            Timeout = timeout,
        };
    }

    public static Task<ServeRuns> StartAsync(string model, IDictionary<string, string> env, params string[] extra) =>
        StartAsync(model, env, TimeSpan.FromMinutes(5), extra);

    /// <param name="timeout">how long one request may take before it counts as unanswered.</param>
    public static async Task<ServeRuns> StartAsync(string model, IDictionary<string, string> env, TimeSpan timeout, params string[] extra)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var child = new Child(["serve", "--urls", address.ToString().TrimEnd('/'), "--model", model,
            "--Logging:LogLevel:Default=Warning", .. extra], env);
        var server = new ServeRuns(child, address, timeout);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (child.HasExited) throw new InvalidOperationException("cutout serve exited: " + child.StandardError);
            try
            {
                using var health = await server.Client.GetAsync("/healthz");
                if (health.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("cutout serve did not answer /healthz: " + child.StandardError);
            await Task.Delay(200);
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public long RssKb => Child.ReadStatus(_child.Id, "VmRSS:");
    public long PeakRssKb => _child.PeakRssKb;

    public sealed record Outcome(int Index, string Kind, int Status, double Ms, string? Error);

    /// <summary>POSTs the raw bytes to /api/remove; a transport failure is an outcome with status 0, never an exception.</summary>
    public async Task<Outcome> PostAsync(int index, string kind, byte[] body)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await Client.PostAsync("/api/remove", content);
            await response.Content.ReadAsByteArrayAsync();
            return new Outcome(index, kind, (int)response.StatusCode, clock.Elapsed.TotalMilliseconds, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return new Outcome(index, kind, 0, clock.Elapsed.TotalMilliseconds, e.GetType().Name + ": " + e.Message);
        }
    }

    /// <summary>Runs <paramref name="count"/> requests with <paramref name="concurrency"/> clients; request i sends bodies[pick(i)].</summary>
    public async Task<List<Outcome>> LoadAsync(int count, int concurrency, Func<int, (string Kind, byte[] Body)> pick,
                                               Action<int>? progress = null)
    {
        var results = new Outcome[count];
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var (kind, body) = pick(i);
                results[i] = await PostAsync(i, kind, body);
                progress?.Invoke(i);
            }
        });
        await Task.WhenAll(workers);
        return [.. results];
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        _child.Dispose();
        await Task.CompletedTask;
    }
}
