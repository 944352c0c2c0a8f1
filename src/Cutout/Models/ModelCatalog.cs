namespace Cutout;

/// <summary>
/// The one place that turns a model name into files: "default" (what models/default.json names), "auto" (people
/// model, general model when no person is found), "people" and "general" (the shipped model whose sidecar has that
/// subject), "isnet" (pulled on request), a shipped model's name, or an .onnx path.
/// </summary>
public static class ModelCatalog
{
    public const string IsNet = "isnet";
    public const string Auto = "auto";
    public const string People = "people";
    public const string General = "general";

    static readonly string AutoSource = FormattableString.Invariant(
        $"shipped: people model, general model when no person covers {AutoRule.MinPersonShare * 100:0.#} % of the frame");

    public static IReadOnlyList<ModelInfo> List()
    {
        var defaultName = DefaultName();
        var shipped = ShippedOnnx()
            .Select(path => Describe(path, "shipped", isDefault: false))
            .Select(m => m with { IsDefault = m.Name.Equals(defaultName, StringComparison.OrdinalIgnoreCase) })
            .ToList();
        var entries = new List<ModelInfo>();
        if (SubjectPath(People) is { } people && SubjectPath(General) is { } general)
            entries.Add(new ModelInfo(Auto, $"{people}{Path.PathSeparator}{general}", Present: true,
                IsDefault: defaultName.Equals(Auto, StringComparison.OrdinalIgnoreCase),
                AutoSource, License: null, Subject: Auto));
        entries.AddRange(shipped);
        entries.Add(Describe(IsNetPath(), "cache (cutout models pull isnet)", isDefault: false, name: IsNet));
        return entries;
    }

    /// <summary>What a name stands for: the files to load, and whether the auto rule chooses between them.</summary>
    public static ModelChoice Choose(string name)
    {
        var canonical = CanonicalName(name);
        if (canonical.Equals(Auto, StringComparison.OrdinalIgnoreCase))
        {
            var people = SubjectPath(People);
            var general = SubjectPath(General);
            if (people is null && general is null) return new ModelChoice(Auto, [ResolvePath(name)], Automatic: false);
            return new ModelChoice(Auto, people is null || general is null ? [people ?? general!] : [people, general], Automatic: true);
        }
        var path = ResolvePath(canonical);
        return new ModelChoice(Path.GetFileNameWithoutExtension(path), [path], Automatic: false);
    }

    /// <summary>One name per choice, so "default", "people" and the model's own name share one loaded instance.</summary>
    public static string CanonicalName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("default", StringComparison.OrdinalIgnoreCase)) name = DefaultName();
        if (name.Equals(People, StringComparison.OrdinalIgnoreCase) || name.Equals(General, StringComparison.OrdinalIgnoreCase))
            return SubjectPath(name) is { } path ? Path.GetFileNameWithoutExtension(path) : name;
        return name;
    }

    public static string ResolvePath(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Equals("default", StringComparison.OrdinalIgnoreCase)
            || name.Equals(Auto, StringComparison.OrdinalIgnoreCase))
            return TryDefaultFile() ?? throw new CutoutException(CutoutErrorKind.ModelNotFound,
                $"No shipped model found in {ModelFolders.Shipped} (expected <name>.onnx with its <name>.json).");
        if (name.Equals(IsNet, StringComparison.OrdinalIgnoreCase))
            return File.Exists(IsNetPath()) ? IsNetPath() : throw new CutoutException(CutoutErrorKind.ModelNotFound,
                "IS-Net is not downloaded; run `cutout models pull isnet` first.");
        if (name.Equals(People, StringComparison.OrdinalIgnoreCase) || name.Equals(General, StringComparison.OrdinalIgnoreCase))
            return SubjectPath(name) ?? throw new CutoutException(CutoutErrorKind.ModelNotFound,
                $"No shipped {name.ToLowerInvariant()} model in {ModelFolders.Shipped}.");
        var shipped = Path.Combine(ModelFolders.Shipped, name + ".onnx");
        if (!name.Contains('/') && !name.Contains('\\') && !name.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) && File.Exists(shipped))
            return shipped;
        if (File.Exists(name)) return Path.GetFullPath(name);
        throw new CutoutException(CutoutErrorKind.ModelNotFound,
            $"Model '{name}' not found: not auto, people, general, a shipped model, or 'isnet', and no such .onnx file.");
    }

    /// <summary>The sidecar of an .onnx: same folder, same stem, .json.</summary>
    public static string SidecarPath(string onnxPath) => Path.ChangeExtension(onnxPath, ".json");

    public static string IsNetPath() => Path.Combine(ModelFolders.Cache, IsNetPull.FileName);

    /// <summary>The shipped model whose sidecar names this subject ("people" or "general").</summary>
    static string? SubjectPath(string subject)
    {
        var shipped = ShippedFolder.Current;
        return shipped.Onnx.FirstOrDefault(p => string.Equals(shipped.SubjectOf(p), subject, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The name models/default.json gives ({"model": "name"}, {"default": "name"} or "name") when it exists; else "auto"
    /// when both a people and a general model are there (model packages carry no default.json for "auto"); else
    /// default.onnx, the only shipped model, or the first by name, so a new model without default.json never breaks it.
    /// </summary>
    static string DefaultName()
    {
        var people = SubjectPath(People);
        var general = SubjectPath(General);
        if (NamedDefault() is { } named)
        {
            var stem = Path.GetFileNameWithoutExtension(named);
            if (stem.Equals(Auto, StringComparison.OrdinalIgnoreCase))
            {
                if (people != null && general != null) return Auto;
                if (people != null) return Path.GetFileNameWithoutExtension(people);
            }
            if (stem.Equals(People, StringComparison.OrdinalIgnoreCase) && people != null) return Path.GetFileNameWithoutExtension(people);
            if (stem.Equals(General, StringComparison.OrdinalIgnoreCase) && general != null) return Path.GetFileNameWithoutExtension(general);
            if (File.Exists(Path.Combine(ModelFolders.Shipped, stem + ".onnx"))) return stem;
        }
        else if (people != null && general != null) return Auto;
        var onnx = ShippedOnnx();
        var file = onnx.FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == "default") ?? onnx.FirstOrDefault();
        return file is null ? "default" : Path.GetFileNameWithoutExtension(file);
    }

    /// <summary>The one file that stands for the default: its model, or for "auto" the people model.</summary>
    static string? TryDefaultFile()
    {
        var name = DefaultName();
        if (name == Auto) return SubjectPath(People);
        var path = Path.Combine(ModelFolders.Shipped, name + ".onnx");
        return File.Exists(path) ? path : null;
    }

    static string? NamedDefault() => ShippedFolder.Current.NamedDefault;

    static IReadOnlyList<string> ShippedOnnx() => ShippedFolder.Current.Onnx;

    static ModelInfo Describe(string path, string source, bool isDefault, string? name = null)
    {
        var present = File.Exists(path) && File.Exists(SidecarPath(path));
        string? license = null, subject = null;
        if (present && ShippedFolder.Current.Specs.TryGetValue(path, out var shipped))
            (license, subject) = (shipped?.License, shipped?.Subject);
        else if (present)
            try { (license, subject) = ModelSpec.Read(SidecarPath(path)) is var s ? (s.License, s.Subject) : default; }
            catch (CutoutException) { }
        return new ModelInfo(name ?? Path.GetFileNameWithoutExtension(path), path, present, isDefault, source, license, subject);
    }
}
