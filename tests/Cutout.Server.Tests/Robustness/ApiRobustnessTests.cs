using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Cutout.Server.Tests.Infrastructure;
using SkiaSharp;
using Xunit;

using Cutout.Tests.Robustness;

namespace Cutout.Server.Tests.Robustness;

/// <summary>One real server (Kestrel on loopback, library pipeline on the robustness model) for the whole class.</summary>
public sealed class RobustnessServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(loader: LibraryBackedModel.Loader);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The bad-input corpus through POST /api/remove, raw and multipart: the right status, a problem, a live server.</summary>
public sealed class ApiRobustnessTests(RobustnessServer fixture) : IClassFixture<RobustnessServer>
{
    HttpClient Client => fixture.Server.Client;

    public static IEnumerable<object[]> Cases =>
        BadInputCorpus.All.SelectMany(c => new[] { new object[] { c.Name, false }, [c.Name, true] });

    /// <summary>The statuses a correct server may answer for this input.</summary>
    public static HttpStatusCode[] Allowed(BadInput input) => input.Expect switch
    {
        _ when input.Bytes.Length == 0 => [HttpStatusCode.BadRequest],   // no image at all
        Expect.Works => [HttpStatusCode.OK],
        Expect.WorksOrDamaged => [HttpStatusCode.OK, HttpStatusCode.BadRequest],
        Expect.Damaged => [HttpStatusCode.BadRequest],
        Expect.Refused => [HttpStatusCode.BadRequest, HttpStatusCode.UnsupportedMediaType],
        Expect.NotAnImage => [HttpStatusCode.UnsupportedMediaType],
        Expect.TooLarge => [HttpStatusCode.RequestEntityTooLarge],
        _ => throw new ArgumentOutOfRangeException(nameof(input)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_input_gets_the_right_status_and_a_readable_problem(string name, bool multipart)
    {
        var input = BadInputCorpus.Get(name);
        var (sent, elapsed) = await Post(input, multipart);
        using var response = sent;
        var body = await response.Content.ReadAsByteArrayAsync();
        var allowed = Allowed(input);

        Assert.True(allowed.Contains(response.StatusCode),
            $"{name}: {(int)response.StatusCode}, expected {string.Join(" or ", allowed.Select(s => (int)s))}: {System.Text.Encoding.UTF8.GetString(body[..Math.Min(400, body.Length)])}");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            using var codec = SKCodec.Create(new MemoryStream(body));
            Assert.NotNull(codec);
            if (input.Size is { } size) Assert.Equal(size, (codec.Info.Width, codec.Info.Height));
            using var bitmap = new SKBitmap(codec.Info);
            Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        }
        else
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            Assert.Equal((int)response.StatusCode, problem.RootElement.GetProperty("status").GetInt32());
            var detail = problem.RootElement.GetProperty("detail").GetString();
            Assert.False(string.IsNullOrWhiteSpace(detail));
            Assert.DoesNotContain("   at ", detail);
            if (input.Hostile)
            {
                Assert.Contains(input.Says!, detail);
                // Twice the library's limit: the upload itself (up to 24 MB over loopback) is part of it here. Over it, the
                // request is timed once more and the faster run counts: a load spike on the shared test machine slows one
                // run (4.4 s once in a full run, 0.3-1 s otherwise), unbounded work slows both.
                if (elapsed >= 2 * BadInputCorpus.HostileTimeLimit)
                {
                    var (again, secondElapsed) = await Post(input, multipart);
                    again.Dispose();
                    if (secondElapsed < elapsed) elapsed = secondElapsed;
                }
                Assert.True(elapsed < 2 * BadInputCorpus.HostileTimeLimit, $"{name}: answered after {elapsed.TotalMilliseconds:0} ms");
            }
        }
    }

    [Fact]
    public async Task The_server_is_alive_and_correct_after_the_whole_corpus()
    {
        foreach (var input in BadInputCorpus.All)
        {
            using var raw = Raw(input.Bytes);
            (await Client.PostAsync("/api/remove", raw)).Dispose();
        }
        using var health = await Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var good = Raw(BadInputCorpus.Png);
        using var response = await Client.PostAsync("/api/remove", good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_client_that_hangs_up_mid_upload_does_not_hurt_the_next_request()
    {
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(fixture.Server.BaseAddress.Host, fixture.Server.BaseAddress.Port);
            var stream = tcp.GetStream();
            var head = "POST /api/remove HTTP/1.1\r\nHost: x\r\nContent-Type: image/png\r\nContent-Length: 100000\r\n\r\n"u8.ToArray();
            await stream.WriteAsync(head);
            await stream.WriteAsync(BadInputCorpus.Png.AsMemory(0, Math.Min(500, BadInputCorpus.Png.Length)));
        }   // closed with 99.5 kB still owed
        using var good = Raw(BadInputCorpus.Jpeg);
        using var response = await Client.PostAsync("/api/remove", good);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The input sent as an upload, and how long the answer took.</summary>
    async Task<(HttpResponseMessage Response, TimeSpan Elapsed)> Post(BadInput input, bool multipart)
    {
        using HttpContent content = multipart ? Form(input) : Raw(input.Bytes);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var response = await Client.PostAsync("/api/remove", content);
        return (response, clock.Elapsed);
    }

    internal static ByteArrayContent Raw(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    static MultipartFormDataContent Form(BadInput input)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(input.Bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", input.FileName);
        return form;
    }
}
