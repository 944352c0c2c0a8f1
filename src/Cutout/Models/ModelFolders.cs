namespace Cutout;

/// <summary>Where models live: shipped next to the app, pulled ones in the per-user cache.</summary>
public static class ModelFolders
{
    /// <summary>models/ next to the app; CUTOUT_MODELS overrides it.</summary>
    public static string Shipped =>
        Environment.GetEnvironmentVariable("CUTOUT_MODELS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.Combine(AppContext.BaseDirectory, "models");

    /// <summary>CUTOUT_CACHE, else $XDG_CACHE_HOME/cutout/models, else ~/.cache/cutout/models.</summary>
    public static string Cache
    {
        get
        {
            if (Environment.GetEnvironmentVariable("CUTOUT_CACHE") is { Length: > 0 } cache) return Path.GetFullPath(cache);
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = string.IsNullOrEmpty(xdg)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache")
                : xdg;
            return Path.Combine(root, "cutout", "models");
        }
    }
}
