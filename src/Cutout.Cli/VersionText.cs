using System.Reflection;

namespace Cutout.Cli;

/// <summary>`cutout --version`: the package version and the default model's name and version (with auto: both models').</summary>
static class VersionText
{
    public static string Describe() => $"cutout {PackageVersion()}\n{DefaultModel()}";

    /// <summary>The informational version without the "+commit" build metadata the SDK appends.</summary>
    static string PackageVersion()
    {
        var informational = typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? typeof(VersionText).Assembly.GetName().Version?.ToString() ?? "unknown";
    }

    /// <summary>"model NAME VERSION", or for "auto" the models it chooses between: "model auto (people 4.0.1 / general 4.0.1)".</summary>
    static string DefaultModel()
    {
        try
        {
            var choice = ModelCatalog.Choose("default");
            var models = choice.Paths.Select(ModelSession.ReadSpec)
                .Select(spec => $"{spec.Name} {spec.Version ?? "(unversioned)"}").ToList();
            return choice.Automatic && models.Count > 1
                ? $"model {choice.Name} ({string.Join(" / ", models)})"
                : $"model {models[0]}";
        }
        catch (CutoutException e)
        {
            return "model: none (" + e.Message + ")";
        }
    }
}
