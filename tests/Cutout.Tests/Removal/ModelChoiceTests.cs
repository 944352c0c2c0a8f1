using SkiaSharp;
using Xunit;

namespace Cutout.Tests;

/// <summary>
/// Model choice through the catalog: "people" and "general" find the shipped models by the subject in their sidecars,
/// "auto" runs the people model and falls back to the general one when no person is found, and an empty cut-out is
/// reported, never silent. Hand-made models: "people" here is the darkness model (dark pixels are subject), "general"
/// the brightness model (light pixels are subject), so which one ran is visible in the pixels.
/// </summary>
public sealed class ModelChoiceTests
{
    static readonly byte[] White = Solid(SKColors.White), Black = Solid(SKColors.Black);

    static byte[] Solid(SKColor colour)
    {
        using var bitmap = new SKBitmap(96, 64);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    static string ShippedFolder(bool withGeneral = true, string? defaultJson = null)
    {
        var folder = Cli.TempFolder();
        WithSubject(DarknessOnnx.Write(folder, "people-test", TestModels.Size, 6.375), "people");
        if (withGeneral) WithSubject(DarknessOnnx.Write(folder, "general-test", TestModels.Size, -6.375), "general");
        if (defaultJson != null) File.WriteAllText(Path.Combine(folder, "default.json"), defaultJson);
        return folder;
    }

    static void WithSubject(string onnx, string subject)
    {
        var sidecar = ModelCatalog.SidecarPath(onnx);
        (ModelSpec.Read(sidecar) with { Subject = subject }).Write(sidecar);
    }

    static Dictionary<string, string> Env(string folder) => new() { ["CUTOUT_MODELS"] = folder };

    [Fact]
    public void Aliases_and_auto_resolve_through_the_sidecars_subject()
    {
        var folder = ShippedFolder(defaultJson: """{ "model": "auto" }""");
        var list = Cli.Run(folder, null, Env(folder), "models", "list");
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.Contains("auto", list.Output);
        Assert.Equal(Path.Combine(folder, "people-test.onnx"), Cli.Run(folder, null, Env(folder), "models", "path", "people").Output.Trim());
        Assert.Equal(Path.Combine(folder, "general-test.onnx"), Cli.Run(folder, null, Env(folder), "models", "path", "general").Output.Trim());
    }

    [Fact]
    public void Without_default_json_a_people_and_a_general_model_make_auto_the_default()
    {
        var folder = ShippedFolder();
        var paths = Cli.Run(folder, null, Env(folder), "models", "path", "default").Output.Trim().Split('\n');
        Assert.Equal([Path.Combine(folder, "people-test.onnx"), Path.Combine(folder, "general-test.onnx")], paths);
    }

    [Fact]
    public void Auto_keeps_the_people_model_when_it_finds_a_person_and_falls_back_to_the_general_model_otherwise()
    {
        var folder = ShippedFolder();
        string people = Path.Combine(folder, "people-test.onnx"), general = Path.Combine(folder, "general-test.onnx");
        {
            using var auto = BackgroundRemover.Load(new ModelChoice("auto", [people, general], Automatic: true));
            Assert.Equal("auto", auto.Name);
            Assert.True(auto.Automatic);

            var dark = auto.Remove(Black, new RemoveOptions { Mask = true });
            Assert.Equal("people-test", dark.Model);
            Assert.True(dark.SubjectFound);

            var light = auto.Remove(White, new RemoveOptions { Mask = true });
            Assert.Equal("general-test", light.Model);
            Assert.True(light.SubjectFound);
            using var mask = Photo.Decode(light.Data);
            Assert.Equal(255, Images.Pixel(mask, 48, 32).R);

            using var peopleOnly = BackgroundRemover.Load(people);
            var empty = peopleOnly.Remove(White, new RemoveOptions());
            Assert.Equal("people-test", empty.Model);
            Assert.False(empty.SubjectFound);
        }
    }

    [Fact]
    public void Auto_without_a_general_model_is_the_people_model()
    {
        var folder = ShippedFolder(withGeneral: false, defaultJson: """{ "model": "auto" }""");
        var run = Cli.Run(folder, White, Env(folder), "remove", "-", "--model", "auto");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("no person found, the cut-out is empty (people-test)", run.Stderr);
        Assert.Equal(Path.Combine(folder, "people-test.onnx"), Cli.Run(folder, null, Env(folder), "models", "path", "default").Output.Trim());
    }

    [Fact]
    public void The_cli_warns_about_an_empty_cut_out_with_its_remedy_and_counts_it()
    {
        var folder = ShippedFolder();
        var photos = Path.Combine(folder, "photos");
        Directory.CreateDirectory(photos);
        File.WriteAllBytes(Path.Combine(photos, "white.png"), White);
        File.WriteAllBytes(Path.Combine(photos, "black.png"), Black);
        var run = Cli.Run(folder, null, Env(folder), "remove", photos, "-o", Path.Combine(folder, "out"), "--model", "people");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("white.png: no person found, the cut-out is empty (people-test); for other subjects use --model general", run.Stderr);
        Assert.DoesNotContain("black.png: no", run.Stderr);
        Assert.Contains("2 written (1 with no subject found)", run.Stderr);
        Assert.True(File.Exists(Path.Combine(folder, "out", "white.png")));

        var stdin = Cli.Run(folder, White, Env(folder), "remove", "-", "--model", "general");
        Assert.Equal(0, stdin.ExitCode);
        Assert.DoesNotContain("no subject", stdin.Stderr);
    }
}
