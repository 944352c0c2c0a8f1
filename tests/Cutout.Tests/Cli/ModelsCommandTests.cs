using Xunit;

namespace Cutout.Tests;

public class ModelsCommandTests
{
    [Fact]
    public void Isnet_is_only_in_the_user_cache_and_not_fetched_unasked()
    {
        var cache = Cli.TempFolder();
        var env = new Dictionary<string, string> { ["CUTOUT_CACHE"] = cache };
        var path = Cli.Run(cache, null, env, "models", "path", "isnet");
        Assert.Equal(1, path.ExitCode);
        Assert.Contains("cutout models pull isnet", path.Stderr);

        var list = Cli.Run(cache, null, env, "models", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("isnet", list.Output);
        Assert.Empty(Directory.GetFileSystemEntries(cache));

        var remove = Cli.Run(cache, Images.Astronaut, env, "remove", "-", "--model", "isnet");
        Assert.Equal(1, remove.ExitCode);
        Assert.Contains("pull isnet", remove.Stderr);
    }

    [Fact]
    public void Default_is_the_model_named_by_default_json_or_the_only_one()
    {
        var shipped = Cli.TempFolder();
        var env = new Dictionary<string, string> { ["CUTOUT_MODELS"] = shipped };
        var only = TestModels.Write(shipped, "first");
        Assert.Equal(only, Cli.Run(shipped, null, env, "models", "path", "default").Output.Trim());

        var second = TestModels.Write(shipped, "second");
        Assert.Equal(only, Cli.Run(shipped, null, env, "models", "path", "default").Output.Trim()); // first by name
        File.WriteAllText(Path.Combine(shipped, "default.json"), """{ "model": "second" }""");
        Assert.Equal(second, Cli.Run(shipped, null, env, "models", "path", "default").Output.Trim());
        Assert.Equal(only, Cli.Run(shipped, null, env, "models", "path", "first").Output.Trim());

        var run = Cli.Run(shipped, Images.Astronaut, env, "remove", "-");
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    [Fact]
    public void Unknown_models_and_models_without_sidecar_fail_clearly()
    {
        var folder = Cli.TempFolder();
        var unknown = Assert.Throws<CutoutException>(() => BackgroundRemover.Load(Path.Combine(folder, "nope.onnx")));
        Assert.Equal(CutoutErrorKind.ModelNotFound, unknown.Kind);

        var onnx = TestModels.Write(folder, "lonely");
        File.Delete(Path.ChangeExtension(onnx, ".json"));
        var noSidecar = Assert.Throws<CutoutException>(() => BackgroundRemover.Load(onnx));
        Assert.Equal(CutoutErrorKind.BadModel, noSidecar.Kind);
    }
}
