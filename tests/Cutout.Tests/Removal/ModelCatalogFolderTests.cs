using Xunit;

namespace Cutout.Tests;

/// <summary>Runs alone: it points CUTOUT_MODELS, which every in-process catalog lookup reads, at a folder of its own.</summary>
[CollectionDefinition(nameof(ModelsFolderCollection), DisableParallelization = true)]
public sealed class ModelsFolderCollection;

/// <summary>
/// The catalog keeps what it read of the models folder (a server asks it on every request) but sees each change to the
/// folder at the next lookup in the same process: a model added, default.json written or rewritten, a sidecar edited.
/// </summary>
[Collection(nameof(ModelsFolderCollection))]
public sealed class ModelCatalogFolderTests
{
    [Fact]
    public void A_change_to_the_models_folder_shows_at_the_next_lookup_in_the_same_process()
    {
        var folder = Cli.TempFolder();
        var before = Environment.GetEnvironmentVariable("CUTOUT_MODELS");
        Environment.SetEnvironmentVariable("CUTOUT_MODELS", folder);
        try
        {
            var first = TestModels.Write(folder, "first");
            Assert.Equal("first", ModelCatalog.CanonicalName("default"));

            TestModels.Write(folder, "second");
            Assert.Equal(["first", "second"], ModelCatalog.List().Where(m => m.Source == "shipped").Select(m => m.Name));

            var defaultJson = Path.Combine(folder, "default.json");
            File.WriteAllText(defaultJson, """{ "model": "second" }""");
            Assert.Equal("second", ModelCatalog.CanonicalName("default"));
            File.WriteAllText(defaultJson, """{ "model": "first" }""");   // rewritten in place
            Assert.Equal("first", ModelCatalog.CanonicalName("default"));

            Assert.Throws<CutoutException>(() => ModelCatalog.ResolvePath("people"));
            var sidecar = ModelCatalog.SidecarPath(first);
            (ModelSpec.Read(sidecar) with { Subject = "people" }).Write(sidecar);   // edited in place
            Assert.Equal(first, ModelCatalog.ResolvePath("people"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("CUTOUT_MODELS", before);
        }
    }
}
