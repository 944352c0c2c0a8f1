using System.Runtime.CompilerServices;
using Cutout.Server.Models;
using Cutout.Tests;

namespace Cutout.Server.Tests.Infrastructure;

/// <summary>
/// The model the API and browser tests run on: the shipped default model, or CUTOUT_TEST_MODEL (a model name).
/// CUTOUT_TEST_MODEL=synthetic uses <see cref="SyntheticModel"/>, for working on the server without any model.
/// </summary>
public static class TestModel
{
    public static string? Name =>
        Environment.GetEnvironmentVariable("CUTOUT_TEST_MODEL") is { Length: > 0 } name ? name : null;

    static bool IsSynthetic => Name == "synthetic";

    public static ModelLoader? Loader => IsSynthetic ? _ => new SyntheticModel() : null;

    public static string[] Settings => Name is null || IsSynthetic ? [] : [$"--Cutout:DefaultModel={Name}"];

    /// <summary>Shipped models live in the repository's models/, not next to the test assembly.</summary>
    [ModuleInitializer]
    internal static void PointAtRepositoryModels()
    {
        if (Environment.GetEnvironmentVariable("CUTOUT_MODELS") is not { Length: > 0 })
            Environment.SetEnvironmentVariable("CUTOUT_MODELS", Path.Combine(TestPaths.RepoRoot, "models"));
    }
}
