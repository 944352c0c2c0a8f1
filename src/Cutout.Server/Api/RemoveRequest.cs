using System.Text.RegularExpressions;

namespace Cutout.Server.Api;

/// <summary>The option fields of POST /api/remove (same names and meanings as the CLI flags), checked before any decoding.</summary>
internal sealed partial record RemoveRequest(string? Model, RemoveOptions Options)
{
    /// <summary>Every field a request may carry; anything else is refused by name rather than silently ignored.</summary>
    public static readonly string[] FieldNames = ["model", "format", "mask", "bg", "refine", "raw_alpha", "crop"];

    public static RemoveRequest Parse(IReadOnlyDictionary<string, string> fields, CutoutServerOptions limits)
    {
        if (fields.Keys.FirstOrDefault(k => !FieldNames.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw Invalid($"unknown field '{Echo.Short(unknown)}'; the fields are {string.Join(", ", FieldNames)} (and file).");
        string? Field(string name) => fields.TryGetValue(name, out var value) ? value.Trim() : null;

        var options = new RemoveOptions
        {
            Format = ParseFormat(Field("format")),
            Mask = ParseFlag("mask", Field("mask")),
            Background = ParseBackground(Field("bg")),
            Refine = ParseFlag("refine", Field("refine")),
            RawAlpha = ParseFlag("raw_alpha", Field("raw_alpha")),
            Crop = ParseFlag("crop", Field("crop")),
            MaxPixels = limits.MaxPixels,
            MaxPixelsPerByte = limits.MaxPixelsPerByte,
        };
        try { OutputRenderer.Validate(options); }
        catch (CutoutException e) { throw Invalid(e.Message); }
        return new RemoveRequest(Field("model") is { Length: > 0 } model ? model : null, options);
    }

    static OutputFormat ParseFormat(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "png" => OutputFormat.Png,
        "webp" => OutputFormat.WebP,
        "jpeg" or "jpg" => OutputFormat.Jpeg,
        _ => throw Invalid($"format must be png, webp or jpeg (got '{Echo.Short(value)}')."),
    };

    /// <summary>A present but empty field (<c>?crop</c>) means on, like a CLI flag; HTML checkboxes send "on".</summary>
    static bool ParseFlag(string name, string? value) => value?.ToLowerInvariant() switch
    {
        null => false,
        "" or "true" or "1" or "on" or "yes" => true,
        "false" or "0" or "off" or "no" => false,
        _ => throw Invalid($"{name} must be true or false (got '{Echo.Short(value)}')."),
    };

    /// <summary>Colours the library knows and blur only: a background image path would let a request read the server's files.</summary>
    static string? ParseBackground(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Equals("transparent", StringComparison.OrdinalIgnoreCase)) return null;
        if (value.Equals("blur", StringComparison.OrdinalIgnoreCase)) return "blur";
        if (HexColour().IsMatch(value)) return value.StartsWith('#') ? value : "#" + value;
        if (CssColor.TryParse(value, out _)) return value.ToLowerInvariant();
        throw Invalid($"bg must be a colour (#rrggbb, #rgb or a CSS colour name), blur or transparent (got '{Echo.Short(value)}').");
    }

    static RequestRejectedException Invalid(string detail) => new(400, "Unsupported option", detail);

    [GeneratedRegex("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexColour();
}
