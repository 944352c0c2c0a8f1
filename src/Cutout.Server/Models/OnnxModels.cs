namespace Cutout.Server.Models;

/// <summary>The real models: the library's BackgroundRemover, limited to names the catalog lists (never request paths).</summary>
internal static class OnnxModels
{
    public static ModelLoader Loader(CutoutServerOptions options) => name =>
    {
        if (!IsServable(name, options))
            throw new CutoutException(CutoutErrorKind.ModelNotFound,
                $"This server has no model named '{name}'. GET /api/models lists the models it has.");
        return new OnnxRemovalModel(BackgroundRemover.Load(name, options.IntraOpThreads));
    };

    static bool IsServable(string name, CutoutServerOptions options)
    {
        var canonical = ModelCatalog.CanonicalName(name);
        return name.Equals("default", StringComparison.OrdinalIgnoreCase)
            || name.Equals(options.DefaultModel, StringComparison.OrdinalIgnoreCase)
            || ModelCatalog.List().Any(m => m.Name.Equals(canonical, StringComparison.OrdinalIgnoreCase));
    }

    sealed class OnnxRemovalModel(BackgroundRemover remover) : IRemovalModel
    {
        public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options) => remover.Remove(encodedImage, options);
        public void Dispose() => remover.Dispose();
    }
}
