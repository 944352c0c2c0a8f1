namespace Cutout.Server.Api;

/// <summary>Request text quoted back in an error message, cut short so a 4 MB field does not come back as a 4 MB answer.</summary>
internal static class Echo
{
    public const int MaxLength = 40;

    public static string Short(string? text) =>
        text is null ? "" : text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
}
