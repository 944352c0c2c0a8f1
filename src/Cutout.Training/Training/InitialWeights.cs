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
    /// <summary>Returns what was loaded, for the log.</summary>
    public static string Load(SegmentationModel model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"--init: {path} not found", path);
        var extended = model.Architecture.EndsWith(Unet.GlobalContextSuffix) ? model.Architecture[..^Unet.GlobalContextSuffix.Length] : null;
        if (extended is null || HoldsArchitecture(path, model.Architecture))
        {
            LoadSame(model, path);
            return $"starting from the weights in {path}";
        }
        using var source = ModelRegistry.Create(extended, pretrained: false);
        LoadSame(source, path);
        CopyShared(source, model);
        return $"starting from the {extended} weights in {path}; the global context block is new and adds nothing until it trains";
    }

    static void LoadSame(SegmentationModel model, string path)
    {
        if (OnnxImporter.IsOnnxPath(path))
        {
            OnnxImporter.Import(model, path);
            return;
        }
        try
        {
            model.load(path);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"--init: {path} does not hold {model.Architecture} weights ({e.Message})", e);
        }
    }

    static bool HoldsArchitecture(string path, string architecture)
    {
        if (OnnxImporter.IsOnnxPath(path)) return OnnxImporter.ArchitectureOf(path) == architecture;
        var loaded = new Dictionary<string, bool>();
        using var probe = ModelRegistry.Create(architecture, pretrained: false);
        try
        {
            probe.load(path, strict: false, loadedParameters: loaded);
        }
        catch (ArgumentException)
        {
            return false;
        }
        return probe.state_dict().Keys.All(name => loaded.GetValueOrDefault(name));
    }

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
