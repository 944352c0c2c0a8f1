using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace Cutout.Packaging.Tests;

/// <summary>
/// deploy/kubernetes/ parsed offline by kubectl (`label --local`: no cluster needed; a schema check would need an API
/// server's OpenAPI document) and checked for what makes the deployment work: probes, ports, sizes, shards.
/// </summary>
public class KubernetesManifestTests
{
    static readonly Lazy<List<JsonObject>> Objects = new(Parse);

    static List<JsonObject> Parse()
    {
        var folder = Path.Combine(TestPaths.RepoRoot, "deploy", "kubernetes");
        var run = ProcessRunner.Run("kubectl", ["label", "--local", "-f", folder, "-o", "json", "cutout.test/parsed=yes"],
            TestPaths.RepoRoot, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.ToString());
        // One indented JSON document per object, one after another: each ends with a "}" line of its own.
        return [.. Regex.Split(run.Output, @"(?<=^\}\r?\n)", RegexOptions.Multiline)
            .Where(chunk => chunk.TrimStart().StartsWith('{'))
            .Select(chunk => JsonNode.Parse(chunk)!.AsObject())];
    }

    static JsonObject Single(string kind) => Assert.Single(Objects.Value, o => (string?)o["kind"] == kind);

    [KubectlFact]
    public void Serve_deployment_is_probed_on_healthz_and_sized_from_the_bench()
    {
        var deployment = Single("Deployment");
        var pod = deployment["spec"]!["template"]!;
        var container = pod["spec"]!["containers"]![0]!;
        Assert.Equal("/healthz", (string?)container["readinessProbe"]!["httpGet"]!["path"]);
        Assert.Contains("http://0.0.0.0:8080", container["args"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(8080, (int)container["ports"]![0]!["containerPort"]!);
        Assert.Equal("2", (string?)container["resources"]!["requests"]!["cpu"]);
        Assert.NotNull(container["resources"]!["limits"]!["memory"]);
        Assert.True((bool)pod["spec"]!["securityContext"]!["runAsNonRoot"]!);

        var service = Single("Service");
        var podLabels = pod["metadata"]!["labels"]!.AsObject();
        Assert.All(service["spec"]!["selector"]!.AsObject(), pair => Assert.Equal((string?)pair.Value, (string?)podLabels[pair.Key]));

        var hpa = Single("HorizontalPodAutoscaler");
        Assert.Equal((string?)deployment["metadata"]!["name"], (string?)hpa["spec"]!["scaleTargetRef"]!["name"]);
        Assert.InRange((int)hpa["spec"]!["minReplicas"]!, 1, (int)hpa["spec"]!["maxReplicas"]!);
    }

    [KubectlFact]
    public void Batch_job_gives_each_index_its_own_shard_of_the_same_count()
    {
        var job = Single("Job");
        Assert.Equal("Indexed", (string?)job["spec"]!["completionMode"]);
        var completions = (int)job["spec"]!["completions"]!;
        var container = job["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var command = string.Join(' ', container["args"]!.AsArray().Select(a => (string?)a));
        var shard = Regex.Match(command, @"--shard \$\{?JOB_COMPLETION_INDEX\}?/(\d+)");
        Assert.True(shard.Success, command);
        Assert.Equal(completions, int.Parse(shard.Groups[1].Value));
        Assert.Equal("Never", (string?)job["spec"]!["template"]!["spec"]!["restartPolicy"]);
    }
}

/// <summary>A fact that needs kubectl; skipped, with the reason, where it is not installed.</summary>
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "kubectl")));
        if (!found) Skip = "skipped: kubectl is not installed (Debian: apt-get install kubernetes-client)";
    }
}
