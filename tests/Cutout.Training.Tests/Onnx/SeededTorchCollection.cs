using Xunit;

namespace Cutout.Training.Tests.Onnx;

/// <summary>
/// Tests whose models take their initial weights from TorchSharp's global generator: they seed it and run alone,
/// so the same weights, and the same comparison margins, come back on every run.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SeededTorchCollection
{
    public const string Name = "seeded TorchSharp generator";
}
