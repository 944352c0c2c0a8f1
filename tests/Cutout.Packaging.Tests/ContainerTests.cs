using System.Diagnostics;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Packaging.Tests;

/// <summary>deploy/build-image.sh on the local Debian base, then the container: non-root, healthy, cutting out the sample.</summary>
public class ContainerTests(ITestOutputHelper log)
{
    [PodmanFact]
    public async Task The_image_serves_healthz_and_cuts_out_the_sample_as_a_non_root_user()
    {
        var tag = $"localhost/cutout-test:{Environment.ProcessId}";
        var name = $"cutout-test-{Environment.ProcessId}";
        var build = ProcessRunner.Run(Path.Combine(TestPaths.RepoRoot, "deploy", "build-image.sh"), [tag], TestPaths.RepoRoot, TimeSpan.FromMinutes(10),
            new Dictionary<string, string> { ["BASE_IMAGE"] = Podman.BaseImage, ["CUTOUT_ARTIFACTS"] = TestTemp.Folder("image-artifacts-") });
        try
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            var clock = Stopwatch.StartNew();
            var start = Podman.Run(["run", "-d", "--name", name, .. Podman.RunOptions(), "-p", "127.0.0.1::8080", tag]);
            Assert.True(start.ExitCode == 0, start.ToString());
            var port = Podman.Run("port", name, "8080/tcp").Output.Trim().Split(':').Last();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(1) };

            await WaitForHealthz(http, TimeSpan.FromMinutes(1), name);
            var healthy = clock.Elapsed;
            var first = Stopwatch.StartNew();
            using var response = await http.PostAsync("/api/remove", new ByteArrayContent(File.ReadAllBytes(TestPaths.Astronaut)));
            first.Stop();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            var output = Path.Combine(TestTemp.Folder("container-"), "astronaut-cutout.png");
            await File.WriteAllBytesAsync(output, await response.Content.ReadAsByteArrayAsync());
            CutoutImage.AssertAstronautCutOut(output);

            Assert.Equal("10001", Podman.Run("exec", name, "id", "-u").Output.Trim());
            Assert.Contains("/healthz", Podman.Run("inspect", "--format", "{{json .Config.Healthcheck}}", name).Output);
            var size = Podman.Run("image", "inspect", "--format", "{{.Size}}", tag).Output.Trim();
            log.WriteLine($"image build {build.Elapsed.TotalSeconds:F0} s; size {long.Parse(size) / 1e6:F0} MB; start to healthy {healthy.TotalSeconds:F1} s; " +
                          $"first request {first.Elapsed.TotalMilliseconds:F0} ms");
        }
        finally
        {
            Podman.Run("rm", "-f", name);
            Podman.Run("rmi", "-f", tag);
        }
    }

    static async Task WaitForHealthz(HttpClient http, TimeSpan timeout, string container)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            try
            {
                using var health = await http.GetAsync("/healthz");
                if (health.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Assert.Fail($"/healthz did not answer within {timeout}:\n{Podman.Run("logs", container).Output}");
    }
}
