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

    /// <summary>`cutout eval` on people/smoke with extra options; the JSON report it wrote.</summary>
    static JsonElement EvalSmokeSet(string folder, string jsonName, string[] extra)
    {
        var json = Path.Combine(folder, jsonName);
        var run = Cli.Run(folder, ["eval", "--data", TestPaths.People("smoke"), "--json", json, .. extra]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(File.ReadAllText(json)).RootElement;
    }

    [ShippedModelFact]
    public void Clean_alpha_leaves_less_smudge_and_translucency_than_raw_alpha_at_the_same_iou()
    {
        var folder = Cli.TempFolder();
        JsonElement Eval(string name, params string[] extra) => EvalSmokeSet(folder, name, extra);
        var (clean, raw) = (Eval("clean.json"), Eval("raw.json", "--raw-alpha"));
        Assert.True(raw.GetProperty("raw_alpha").GetBoolean());
        double Figure(JsonElement e, string name) => e.GetProperty(name).GetDouble();
        Assert.True(Figure(raw, "smudge") > 0, "the model leaves some smudge on the smoke set");
        // On these five photos most smudge is the model's false subject (alpha ≥ 0.5), which no clean-up may touch.
        Assert.True(Figure(clean, "smudge") < 0.8 * Figure(raw, "smudge"), $"smudge {Figure(clean, "smudge")} clean vs {Figure(raw, "smudge")} raw");
        Assert.True(Figure(clean, "translucent") < Figure(raw, "translucent"), $"translucent {Figure(clean, "translucent")} vs {Figure(raw, "translucent")}");
        Assert.Equal(Figure(raw, "mean_iou"), Figure(clean, "mean_iou"), 3);
        Assert.Equal(Figure(raw, "boundary_f"), Figure(clean, "boundary_f"), 3);
    }

    [ShippedModelFact]
    public void Greyscale_scores_grey_copies_of_the_photos_and_says_so()
    {
        var folder = Cli.TempFolder();
        JsonElement Eval(string name, params string[] extra) => EvalSmokeSet(folder, name, extra);
        var (colour, grey) = (Eval("colour.json"), Eval("grey.json", "--greyscale"));
        Assert.False(colour.GetProperty("greyscale").GetBoolean());
        Assert.True(grey.GetProperty("greyscale").GetBoolean());
        double[] Ious(JsonElement e) => [.. e.GetProperty("per_image").EnumerateArray().Select(p => p.GetProperty("iou").GetDouble())];
        var (colourIou, greyIou) = (Ious(colour), Ious(grey));
        Assert.Equal(5, greyIou.Length);
        Assert.True(colourIou.Zip(greyIou).Count(p => Math.Abs(p.First - p.Second) > 1e-4) >= 3,
            $"grey copies are other inputs: IoU {string.Join(", ", greyIou)} vs {string.Join(", ", colourIou)}");
        Assert.True(grey.GetProperty("mean_iou").GetDouble() > 0.5, "the people are still found in grey");
    }

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
        foreach (var name in new[] { "mean_iou", "dataset_iou", "mean_dice", "mae", "boundary_f", "smudge", "translucent", "edge_mae" })
            Assert.InRange(root.GetProperty(name).GetDouble(), 0, 1);
        Assert.InRange(root.GetProperty("empty").GetInt32(), 0, 5);
        Assert.False(root.GetProperty("raw_alpha").GetBoolean());
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
        Assert.Equal(root.GetProperty("empty").GetInt32(), perImage.Count(p => p.GetProperty("empty").GetBoolean()));

        var byPrefix = root.GetProperty("by_prefix");
        var cihp = byPrefix.GetProperty("cihp");
        Assert.Equal(5, cihp.GetProperty("images").GetInt32());
        foreach (var name in new[] { "mean_iou", "smudge", "translucent", "edge_mae" })
            Assert.Equal(root.GetProperty(name).GetDouble(), cihp.GetProperty(name).GetDouble());

        var page = File.ReadAllText(html);
        Assert.Equal(20, page.Split("src=\"data:image/").Length - 1); // 5 images x photo, truth, prediction, cut-out on colour
        Assert.Equal(5, page.Split("alt=\"cut-out on magenta\"").Length - 1);
        Assert.Contains("<th>smudge</th>", page);
        Assert.Contains("cihp_", page);
    }
}
