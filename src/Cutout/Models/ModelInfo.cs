namespace Cutout;

/// <summary>A model the catalog knows: shipped with the app, or pulled into the user cache.</summary>
public sealed record ModelInfo(string Name, string Path, bool Present, bool IsDefault, string Source, string? License, string? Subject = null);
