using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace Cutout.Tests;

/// <summary>
/// The shipped default model on people/val through `cutout eval`, as the model card measured it: fails when mean IoU
/// drops more than 0.01 below the card's regression figure.
/// </summary>
public partial class ShippedModelRegressionTests
{
    [ShippedModelFact]
    public void Validation_mean_iou_holds_the_model_cards_figure()
    {
        var name = Path.GetFileNameWithoutExtension(ModelCatalog.ResolvePath("default"));
        var card = Path.Combine(TestPaths.RepoRoot, "docs", "models", name + ".md");
        Assert.True(File.Exists(card), $"the shipped model {name} needs its model card at {card}");
        var figure = RegressionFigure().Match(File.ReadAllText(card));
        Assert.True(figure.Success, $"{card} must state 'Regression figure ... **0.xxxx**'");
        double expected = double.Parse(figure.Groups[1].Value, CultureInfo.InvariantCulture);

        var folder = Cli.TempFolder();
        var json = Path.Combine(folder, "val.json");
        // 150 photos: about a minute on two quiet cores; the limit leaves room for a busy machine.
        var run = Cli.Run(folder, null, null, TimeSpan.FromMinutes(15), "eval", "--data", TestPaths.People("val"), "--json", json);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(150, doc.RootElement.GetProperty("images").GetInt32());
        double measured = doc.RootElement.GetProperty("mean_iou").GetDouble();
        Assert.True(measured >= expected - 0.01, $"people/val mean IoU {measured:F4}; the model card says {expected:F4}");
    }

    [GeneratedRegex(@"Regression figure[^*\n]*\*\*(0\.\d+)\*\*")]
    private static partial Regex RegressionFigure();
}
