using System.Text.Json;
using Xunit;

namespace Cutout.Tests;

/// <summary>`cutout eval` on people/smoke as a real process; figures checked for shape and consistency.</summary>
public class EvalCommandTests
{
    [DataFact]
    public void Smoke_set_json_and_html_with_the_test_model() => CheckEval(TestModels.Darkness, minimumMeanIou: 0);

    [ShippedModelFact]
    public void Smoke_set_with_the_shipped_model_finds_the_people() => CheckEval(null, minimumMeanIou: 0.6);

    static void CheckEval(string? model, double minimumMeanIou)
    {
        var folder = Cli.TempFolder();
        var json = Path.Combine(folder, "eval.json");
        var html = Path.Combine(folder, "eval.html");
        string[] args = ["eval", "--data", TestPaths.People("smoke"), "--json", json, "--html", html];
        if (model != null) args = [.. args, "--model", model];
        var run = Cli.Run(folder, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("mean IoU", run.Output);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal(5, root.GetProperty("images").GetInt32());
        foreach (var name in new[] { "mean_iou", "dataset_iou", "mean_dice", "mae", "boundary_f" })
            Assert.InRange(root.GetProperty(name).GetDouble(), 0, 1);
        Assert.True(root.GetProperty("mean_iou").GetDouble() >= minimumMeanIou, $"mean IoU {root.GetProperty("mean_iou")}");

        var latency = root.GetProperty("latency_ms");
        foreach (var part in new[] { "model", "end_to_end" })
        {
            var stats = latency.GetProperty(part);
            Assert.InRange(stats.GetProperty("median").GetDouble(), 0.01, stats.GetProperty("p95").GetDouble());
        }
        Assert.True(latency.GetProperty("end_to_end").GetProperty("median").GetDouble() >= latency.GetProperty("model").GetProperty("median").GetDouble());
        Assert.Equal(latency.GetProperty("end_to_end").GetProperty("p95").GetDouble(), latency.GetProperty("p95").GetDouble());

        var perImage = root.GetProperty("per_image").EnumerateArray().ToList();
        Assert.Equal(5, perImage.Count);
        Assert.InRange(perImage.Average(p => p.GetProperty("iou").GetDouble()) - root.GetProperty("mean_iou").GetDouble(), -0.001, 0.001);

        var byPrefix = root.GetProperty("by_prefix");
        var cihp = byPrefix.GetProperty("cihp");
        Assert.Equal(5, cihp.GetProperty("images").GetInt32());
        Assert.Equal(root.GetProperty("mean_iou").GetDouble(), cihp.GetProperty("mean_iou").GetDouble());

        var page = File.ReadAllText(html);
        Assert.Equal(15, page.Split("src=\"data:image/").Length - 1); // 5 images x photo, truth, prediction
        Assert.Contains("cihp_", page);
    }
}
