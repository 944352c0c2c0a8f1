using System.Reflection;

namespace Cutout.Cli;

/// <summary>`cutout --version`: the package version and the default model's name and version.</summary>
static class VersionText
{
    public static string Describe() => $"cutout {PackageVersion()}\n{DefaultModel()}";

    /// <summary>The informational version without the "+commit" build metadata the SDK appends.</summary>
    static string PackageVersion()
    {
        var informational = typeof(VersionText).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? typeof(VersionText).Assembly.GetName().Version?.ToString() ?? "unknown";
    }

    static string DefaultModel()
    {
        try
        {
            var onnx = ModelCatalog.ResolvePath("default");
            var spec = ModelSpec.Read(ModelCatalog.SidecarPath(onnx));
            return $"model {spec.Name} {spec.Version ?? "(unversioned)"}";
        }
        catch (CutoutException e)
        {
            return "model: none (" + e.Message + ")";
        }
    }
}
