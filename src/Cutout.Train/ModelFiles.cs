using Cutout.Training.Models;
using Cutout.Training.Onnx;

namespace Cutout.Train;

/// <summary>Weights named on the command line: a training checkpoint (Module.save) or a float .onnx we exported.</summary>
public static class ModelFiles
{
    public static SegmentationModel Load(string architecture, string path)
    {
        if (!ModelRegistry.Names.Contains(architecture, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"--arch: unknown architecture '{architecture}'; known: {string.Join(", ", ModelRegistry.Names)}");
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        var model = ModelRegistry.Create(architecture, pretrained: false);
        try
        {
            Read(model, architecture, path);
        }
        catch
        {
            model.Dispose();
            throw;
        }
        model.eval();
        return model;
    }

    static void Read(SegmentationModel model, string architecture, string path)
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
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EndOfStreamException or IOException)
        {
            throw new InvalidOperationException($"{path} is not a {architecture} checkpoint: {e.Message}", e);
        }
    }
}
