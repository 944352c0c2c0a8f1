using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cutout;

/// <summary>The sidecar <c>name.json</c> next to <c>name.onnx</c> (docs/architecture.md).</summary>
public sealed record ModelSpec
{
    [JsonPropertyName("name")] public string Name { get; init; } = "";
    [JsonPropertyName("input")] public string Input { get; init; } = "input";
    [JsonPropertyName("output")] public string Output { get; init; } = "output";
    [JsonPropertyName("width")] public int Width { get; init; }
    [JsonPropertyName("height")] public int Height { get; init; }
    [JsonPropertyName("channels")] public string Channels { get; init; } = "RGB";
    [JsonPropertyName("scale")] public float Scale { get; init; } = 1f;
    [JsonPropertyName("mean")] public float[] Mean { get; init; } = [0, 0, 0];
    [JsonPropertyName("std")] public float[] Std { get; init; } = [1, 1, 1];
    [JsonPropertyName("output_kind")] public string OutputKind { get; init; } = "probability";
    [JsonPropertyName("resize")] public string Resize { get; init; } = "stretch";
    [JsonPropertyName("license")] public string? License { get; init; }
    /// <summary>What the model cuts out: "people" or "general" (the main subject of any kind); the catalog's aliases.</summary>
    [JsonPropertyName("subject")] public string? Subject { get; init; }

    /// <summary>The weights' version, also the version of the model's NuGet package; optional.</summary>
    [JsonPropertyName("version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Version { get; init; }

    /// <summary>How the weights are stored when not float: "int8" (int8 weights and uint8 activations, cutout-train quantize
    /// --activations) or "int8-weights" (int8 weights, float arithmetic); absent for float models.</summary>
    [JsonPropertyName("precision"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Precision { get; init; }

    [JsonIgnore] public bool OutputIsLogit => OutputKind.Equals("logit", StringComparison.OrdinalIgnoreCase);

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true,
        // A licence's "sets' terms" stays readable instead of becoming \u0027.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static ModelSpec Read(string sidecarPath)
    {
        ModelSpec? spec;
        try { spec = JsonSerializer.Deserialize<ModelSpec>(File.ReadAllText(sidecarPath), Json); }
        catch (Exception e) when (e is JsonException or IOException)
        {
            throw new CutoutException(CutoutErrorKind.BadModel, $"Model sidecar {sidecarPath} is not valid: {e.Message}", e);
        }
        return (spec ?? throw new CutoutException(CutoutErrorKind.BadModel, $"Model sidecar {sidecarPath} is empty."))
            .Validated(sidecarPath);
    }

    public void Write(string sidecarPath) => File.WriteAllText(sidecarPath, JsonSerializer.Serialize(this, Json) + "\n");

    ModelSpec Validated(string source)
    {
        string? problem = null;
        if (Width <= 0 || Height <= 0) problem = "width and height must be positive";
        else if (Channels.ToUpperInvariant() is not ("RGB" or "BGR")) problem = "channels must be RGB or BGR";
        else if (Mean.Length != 3 || Std.Length != 3 || Std.Any(s => s == 0)) problem = "mean and std need 3 values, std non-zero";
        else if (OutputKind.ToLowerInvariant() is not ("logit" or "probability")) problem = "output_kind must be logit or probability";
        else if (!Resize.Equals("stretch", StringComparison.OrdinalIgnoreCase)) problem = "resize must be stretch";
        if (problem != null) throw new CutoutException(CutoutErrorKind.BadModel, $"Model sidecar {source}: {problem}.");
        return string.IsNullOrEmpty(Name) ? this with { Name = Path.GetFileNameWithoutExtension(source) } : this;
    }
}
