using Cutout.Training.Models;
using Cutout.Training.Onnx;
using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>
/// Loads the weights training starts from (<c>--init</c>): a checkpoint (best.bin, checkpoint/model.bin) or one of our float
/// exports, of the model's own architecture or, for a "-gc" architecture, of the one it extends. In that case every layer
/// but the global context block comes from the file, and the block, which adds nothing until it trains, keeps its start.
/// </summary>
public static class InitialWeights
{
    const string ContextBlockPrefix = "decoder.context.";

    /// <summary>Returns what was loaded, for the log.</summary>
    public static string Load(SegmentationModel model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--init: {path} not found", path);
        return OnnxImporter.IsOnnxPath(path) ? LoadExport(model, path) : LoadCheckpoint(model, path);
    }

    static string LoadExport(SegmentationModel model, string path)
    {
        var architecture = OnnxImporter.ArchitectureOf(path);
        if (architecture + Unet.GlobalContextSuffix != model.Architecture)
        {
            OnnxImporter.Import(model, path);
            return SameArchitecture(path);
        }
        using var source = ModelRegistry.Create(architecture, pretrained: false);
        OnnxImporter.Import(source, path);
        CopyShared(source, model);
        return ExtendedArchitecture(architecture, path);
    }

    /// <summary>
    /// One non-strict read: the file must supply every tensor of the model, or every one but the global context block's,
    /// and nothing the model lacks.
    /// </summary>
    static string LoadCheckpoint(SegmentationModel model, string path)
    {
        var loaded = new Dictionary<string, bool>();
        try
        {
            model.load(path, strict: false, loadedParameters: loaded);
        }
        catch (ArgumentException e)
        {
            throw NotWeightsOf(model, path, e.Message, e);
        }
        var unknown = loaded.Where(entry => !entry.Value).Select(entry => entry.Key).ToList();
        var missing = model.state_dict().Keys.Where(name => !loaded.GetValueOrDefault(name)).ToList();
        if (unknown.Count == 0 && missing.Count == 0) return SameArchitecture(path);
        if (unknown.Count == 0 && missing.All(name => name.StartsWith(ContextBlockPrefix)) && model.Architecture.EndsWith(Unet.GlobalContextSuffix))
            return ExtendedArchitecture(model.Architecture[..^Unet.GlobalContextSuffix.Length], path);
        var example = unknown.Concat(missing).First();
        throw NotWeightsOf(model, path, $"{missing.Count} of its tensors missing, {unknown.Count} it has no place for, such as {example}", null);
    }

    static string SameArchitecture(string path) => $"starting from the weights in {path}";

    static string ExtendedArchitecture(string architecture, string path) =>
        $"starting from the {architecture} weights in {path}; the global context block is new and adds nothing until it trains";

    static InvalidDataException NotWeightsOf(SegmentationModel model, string path, string detail, Exception? inner) =>
        new($"--init: {path} does not hold {model.Architecture} weights ({detail})", inner);

    /// <summary>Copies every parameter and buffer of <paramref name="source"/> into the same-named one of <paramref name="target"/>.</summary>
    static void CopyShared(SegmentationModel source, SegmentationModel target)
    {
        using var _ = no_grad();
        var targetState = target.state_dict();
        foreach (var (name, value) in source.state_dict())
        {
            if (!targetState.TryGetValue(name, out var into) || !into.shape.SequenceEqual(value.shape))
                throw new InvalidOperationException($"{target.Architecture} has no {name} of shape [{string.Join(", ", value.shape)}]");
            into.copy_(value);
        }
    }
}
