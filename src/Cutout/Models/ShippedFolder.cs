using System.Text.Json;

namespace Cutout;

/// <summary>
/// The shipped models folder as last read: its .onnx files that have a sidecar (by name), each one's sidecar (null when
/// it does not parse), and the name default.json gives. The folder is read again only when one of its files changes
/// name, size or time, so a server reads no sidecar per request; one stat of the folder's few files tells.
/// </summary>
sealed record ShippedFolder(string Stamp, IReadOnlyList<string> Onnx, IReadOnlyDictionary<string, ModelSpec?> Specs, string? NamedDefault)
{
    static ShippedFolder? _last;

    public static ShippedFolder Current
    {
        get
        {
            var folder = ModelFolders.Shipped;
            var stamp = StampOf(folder);
            if (_last is { } last && last.Stamp == stamp) return last;
            var onnx = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.onnx").Where(p => File.Exists(ModelCatalog.SidecarPath(p))).Order(StringComparer.Ordinal).ToList()
                : [];
            var read = new ShippedFolder(stamp, onnx, onnx.ToDictionary(p => p, SpecOrNull), ReadNamedDefault(folder));
            _last = read;
            return read;
        }
    }

    public string? SubjectOf(string onnxPath) => Specs.GetValueOrDefault(onnxPath)?.Subject;

    static string StampOf(string folder) =>
        !Directory.Exists(folder) ? folder + "|missing"
        : folder + "|" + string.Join("|", new DirectoryInfo(folder).EnumerateFiles()
            .OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => $"{f.Name}:{f.Length}:{f.LastWriteTimeUtc.Ticks}"));

    static ModelSpec? SpecOrNull(string onnxPath)
    {
        try { return ModelSpec.Read(ModelCatalog.SidecarPath(onnxPath)); }
        catch (CutoutException) { return null; }
    }

    /// <summary>{"model": "name"}, {"default": "name"}, {"name": "name"} or "name" in default.json; null without one.</summary>
    static string? ReadNamedDefault(string folder)
    {
        var file = Path.Combine(folder, "default.json");
        if (!File.Exists(file)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (doc.RootElement.ValueKind == JsonValueKind.String) return doc.RootElement.GetString();
            foreach (var key in new[] { "model", "default", "name" })
                if (doc.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String)
                    return value.GetString();
        }
        catch (Exception e) when (e is JsonException or IOException) { }
        return null;
    }
}
