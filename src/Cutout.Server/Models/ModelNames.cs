namespace Cutout.Server.Models;

/// <summary>One name per model choice, so "default", "people" and the model's own name share one loaded instance.</summary>
internal static class ModelNames
{
    public static string Canonical(string? requested, CutoutServerOptions options) =>
        ModelCatalog.CanonicalName(requested ?? options.DefaultModel);
}
