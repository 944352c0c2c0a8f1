using Cutout.Server.Models;
using Microsoft.Extensions.Options;

namespace Cutout.Server.Api;

/// <summary>GET /api/models: what a request may name in <c>model</c>.</summary>
internal static class ModelsEndpoint
{
    public sealed record ModelEntry(string Name, bool Present, bool IsDefault, bool Loaded, string Source, string? License, string? Subject);

    public sealed record ModelList(string Default, IReadOnlyList<ModelEntry> Models);

    public static ModelList Handle(ModelRegistry registry, IOptions<CutoutServerOptions> options)
    {
        var defaultName = ModelNames.Canonical(null, options.Value);
        var entries = ModelCatalog.List()
            .Select(m => new ModelEntry(m.Name, m.Present,
                IsDefault: m.Name.Equals(defaultName, StringComparison.OrdinalIgnoreCase),
                Loaded: registry.IsLoaded(m.Name), m.Source, m.License, m.Subject))
            .ToList();
        return new ModelList(defaultName, entries);
    }
}
