namespace Cutout.Server.Models;

/// <summary>One name per model, so "default" and the default model's own name share one loaded instance.</summary>
internal static class ModelNames
{
    public static string Canonical(string? requested, CutoutServerOptions options)
    {
        var name = requested ?? options.DefaultModel ?? "default";
        if (!name.Equals("default", StringComparison.OrdinalIgnoreCase)) return name;
        return ModelCatalog.List().FirstOrDefault(m => m.IsDefault)?.Name ?? "default";
    }
}
