using Cutout.Training.Models;
using Cutout.Training.Onnx;
using static TorchSharp.torch;

namespace Cutout.Training.Training;

/// <summary>
/// Loads the weights training starts from (<c>--init</c>): a checkpoint (best.bin, checkpoint/model.bin) or one of our float
/// exports, of the model's own architecture or of one it extends by context blocks ("unet-resnet18" for "unet-resnet18-gc",
/// either for "unet-resnet18-gc-atrous"). Then every other layer comes from the file, and the new blocks, which add nothing
/// until they train, keep their start.
/// </summary>
public static class InitialWeights
{
    static readonly (string Prefix, string Name)[] ZeroStartBlocks =
        [("decoder.context.", "global context"), ("decoder.atrous.", "atrous context")];

    /// <summary>Returns what was loaded, for the log.</summary>
    public static string Load(SegmentationModel model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--init: {path} not found", path);
        return OnnxImporter.IsOnnxPath(path) ? LoadExport(model, path) : LoadCheckpoint(model, path);
    }

    static string LoadExport(SegmentationModel model, string path)
    {
        var onnx = OnnxImporter.Read(path);
        var architecture = onnx.Graph.Name;
        if (!model.Architecture.StartsWith(architecture + "-"))
        {
            OnnxImporter.Import(model, onnx, path);
            return SameArchitecture(path);
        }
        using var source = ModelRegistry.Create(architecture, pretrained: false);
        OnnxImporter.Import(source, onnx, path);
        CopyShared(source, model);
        var sourceNames = source.state_dict().Keys.ToHashSet();
        return ExtendedArchitecture(architecture, path, model.state_dict().Keys.Where(name => !sourceNames.Contains(name)));
    }

    /// <summary>
    /// One non-strict read: the file must supply every tensor of the model, or every one but those of zero-start blocks,
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
        if (unknown.Count == 0 && missing.All(name => BlockOf(name) is not null))
            return ExtendedArchitecture(null, path, missing);
        var example = unknown.Concat(missing).First();
        throw NotWeightsOf(model, path, $"{missing.Count} of its tensors missing, {unknown.Count} it has no place for, such as {example}", null);
    }

    static string SameArchitecture(string path) => $"starting from the weights in {path}";

    static string ExtendedArchitecture(string? architecture, string path, IEnumerable<string> newTensors)
    {
        var blocks = newTensors.Select(BlockOf).Distinct().ToList();
        var weights = architecture is null ? "weights" : $"{architecture} weights";
        var what = blocks.Count == 1
            ? $"the {blocks[0]} block is new and adds nothing until it trains"
            : $"the {string.Join(" and ", blocks)} blocks are new and add nothing until they train";
        return $"starting from the {weights} in {path}; {what}";
    }

    static string? BlockOf(string tensorName) =>
        ZeroStartBlocks.FirstOrDefault(block => tensorName.StartsWith(block.Prefix)).Name;

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
