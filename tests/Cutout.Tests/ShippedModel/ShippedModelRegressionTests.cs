using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Cutout.Tests;

/// <summary>
/// Each shipped model on its own validation set through `cutout eval`, as its model card measured it: fails when mean
/// IoU drops more than 0.01 below the card's regression figure.
/// </summary>
public partial class ShippedModelRegressionTests
{
    [ShippedModelTheory]
    [InlineData("people", "people", 150)]
    [InlineData("general", "objects", 300)]
    public void Validation_mean_iou_holds_the_model_cards_figure(string model, string set, int images)
    {
        var name = Path.GetFileNameWithoutExtension(ModelCatalog.ResolvePath(model));
        var card = Path.Combine(TestPaths.RepoRoot, "docs", "models", name + ".md");
        Assert.True(File.Exists(card), $"the shipped model {name} needs its model card at {card}");
        var figure = RegressionFigure().Match(File.ReadAllText(card));
        Assert.True(figure.Success, $"{card} must state 'Regression figure ... **0.xxxx**'");
        double expected = double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture);

        var folder = Cli.TempFolder();
        var json = Path.Combine(folder, "val.json");
        // 150-300 photos: one to two minutes on two quiet cores; the limit leaves room for a busy machine.
        var run = Cli.Run(folder, null, null, TimeSpan.FromMinutes(15), "eval", "--model", model,
            "--data", Path.Combine(TestPaths.DataRoot, set, "val"), "--json", json);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(images, doc.RootElement.GetProperty("images").GetInt32());
        double measured = doc.RootElement.GetProperty("mean_iou").GetDouble();
        Assert.True(measured >= expected - 0.01, $"{set}/val mean IoU of {name} {measured:F4}; the model card says {expected:F4}");
    }

    [GeneratedRegex(@"Regression figure[^*\n]*\*\*(0\.\d+)\*\*")]
    private static partial Regex RegressionFigure();
}
