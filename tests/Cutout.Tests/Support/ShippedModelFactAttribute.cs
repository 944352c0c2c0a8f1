using Xunit;

namespace Cutout.Tests;

/// <summary>A fact about the shipped default model (models/ in the repo); skipped, with the reason, until one is there.</summary>
public sealed class ShippedModelFactAttribute : FactAttribute
{
    public ShippedModelFactAttribute()
    {
        if (!TestPaths.HasData) Skip = TestPaths.MissingDataReason;
        else if (!ShippedModel.Exists) Skip = "skipped: no shipped model in models/ (<name>.onnx + <name>.json) next to the tests";
    }
}

public static class ShippedModel
{
    public static bool Exists
    {
        get
        {
            try { ModelCatalog.ResolvePath("default"); return true; }
            catch (CutoutException) { return false; }
        }
    }
}
