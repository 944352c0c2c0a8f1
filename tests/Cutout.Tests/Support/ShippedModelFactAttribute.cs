using Xunit;

namespace Cutout.Tests;

/// <summary>
/// A fact about the shipped default model. It needs ../shared/data (skipped, with the reason, without it) but never
/// skips for a missing model while the repository's models/ holds one: a broken copy to the output folder or a broken
/// <see cref="ModelCatalog.ResolvePath"/> must fail these tests, not turn them into skips.
/// </summary>
public sealed class ShippedModelFactAttribute : FactAttribute
{
    public ShippedModelFactAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
        else if (!ShippedModel.InRepository)
            Skip = "skipped: the repository's models/ holds no model (<name>.onnx + <name>.json)";
    }
}

public static class ShippedModel
{
    /// <summary>Whether models/ in the repository (not the test output folder) holds an .onnx with its sidecar.</summary>
    public static bool InRepository
    {
        get
        {
            var folder = Path.Combine(TestPaths.RepoRoot, "models");
            return Directory.Exists(folder) &&
                   Directory.GetFiles(folder, "*.onnx").Any(onnx => File.Exists(Path.ChangeExtension(onnx, ".json")));
        }
    }
}
