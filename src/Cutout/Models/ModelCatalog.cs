using System.Text.Json;

namespace Cutout;

/// <summary>Resolves model names ("default", "isnet", a shipped name, or an .onnx path) to files.</summary>
public static class ModelCatalog
{
    public const string IsNet = "isnet";

    public static IReadOnlyList<ModelInfo> List()
    {
        var defaultPath = TryDefault();
        var shipped = ShippedOnnx()
            .Select(path => Describe(path, "shipped", isDefault: path == defaultPath));
        var isnet = IsNetPath();
        return [.. shipped, Describe(isnet, "cache (cutout models pull isnet)", isDefault: false, name: IsNet)];
    }

    public static string ResolvePath(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("default", StringComparison.OrdinalIgnoreCase))
            return TryDefault() ?? throw new CutoutException(CutoutErrorKind.ModelNotFound,
                $"No shipped model found in {ModelFolders.Shipped} (expected <name>.onnx with its <name>.json).");
        if (name.Equals(IsNet, StringComparison.OrdinalIgnoreCase))
            return File.Exists(IsNetPath()) ? IsNetPath() : throw new CutoutException(CutoutErrorKind.ModelNotFound,
                "IS-Net is not downloaded; run `cutout models pull isnet` first.");
        var shipped = Path.Combine(ModelFolders.Shipped, name + ".onnx");
        if (!name.Contains('/') && !name.Contains('\\') && !name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) && File.Exists(shipped))
            return shipped;
        if (File.Exists(name)) return Path.GetFullPath(name);
        throw new CutoutException(CutoutErrorKind.ModelNotFound,
            $"Model '{name}' not found: not a shipped model, not 'isnet', and no such .onnx file.");
    }

    /// <summary>The sidecar of an .onnx: same folder, same stem, .json.</summary>
    public static string SidecarPath(string onnxPath) => Path.ChangeExtension(onnxPath, ".json");

    public static string IsNetPath() => Path.Combine(ModelFolders.Cache, IsNetPull.FileName);

    /// <summary>
    /// The model models/default.json names ({"model": "name"}, {"default": "name"} or "name"); else default.onnx; else the
    /// only shipped model; else the first by name, so a new model dropped in without default.json never breaks the default.
    /// </summary>
    static string? TryDefault()
    {
        var onnx = ShippedOnnx();
        var named = NamedDefault();
        if (named != null)
        {
            var path = Path.Combine(ModelFolders.Shipped, Path.GetFileNameWithoutExtension(named) + ".onnx");
            if (File.Exists(path)) return path;
        }
        return onnx.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == "default") ?? onnx.FirstOrDefault();
    }

    static string? NamedDefault()
    {
        var file = Path.Combine(ModelFolders.Shipped, "default.json");
        if (!File.Exists(file)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.ValueKind == JsonValueKind.String) return doc.RootElement.GetString();
            foreach (var key in new[] { "model", "default", "name" })
                if (doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString();
        }
        catch (JsonException) { }
        return null;
    }

    static List<string> ShippedOnnx() =>
        Directory.Exists(ModelFolders.Shipped)
            ? [.. Directory.GetFiles(ModelFolders.Shipped, "*.onnx").Where(p => File.Exists(SidecarPath(p))).Order(StringComparer.Ordinal)]
            : [];

    static ModelInfo Describe(string path, string source, bool isDefault, string? name = null)
    {
        var present = File.Exists(path) && File.Exists(SidecarPath(path));
        string? license = null;
        if (present)
            try { license = ModelSpec.Read(SidecarPath(path)).License; } catch (CutoutException) { }
        return new ModelInfo(name ?? Path.GetFileNameWithoutExtension(path), path, present, isDefault, source, license);
    }
}
