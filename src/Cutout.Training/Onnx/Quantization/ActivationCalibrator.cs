using Cutout.Training.Onnx.Proto;
using Microsoft.ML.OnnxRuntime;

namespace Cutout.Training.Onnx.Quantization;

/// <summary>
/// Runs the float model in ONNX Runtime on calibration photos, prepared exactly as inference prepares them (the library's
/// ModelInput with the model's sidecar), and records each requested tensor's smallest and largest value over all photos.
/// The requested tensors are exposed as extra graph outputs of a copy of the model.
/// </summary>
public static class ActivationCalibrator
{
    public static IReadOnlyDictionary<string, ActivationRange> Measure(OnnxModel model, ModelSpec spec, IReadOnlyList<string> tensors,
                                                                       IReadOnlyList<string> photos, Action<int>? photoDone = null)
    {
        var exposed = OnnxModel.Parse(model.ToBytes());
        var existing = exposed.Graph.Outputs.Select(o => o.Name).ToHashSet();
        exposed.Graph.Outputs.AddRange(tensors.Where(t => !existing.Contains(t)).Select(OnnxValueInfo.Unshaped));
        if (!exposed.Graph.Inputs.Any(i => i.Name == spec.Input && i.ElementType == OnnxTensor.Float))
            throw new ArgumentException($"the model has no float32 input '{spec.Input}' (the sidecar's input name)");

        using var options = new SessionOptions();
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        using var session = Open(exposed, options);
        var ranges = tensors.ToDictionary(t => t, _ => ActivationRange.Zero);
        var input = new float[3 * spec.Width * spec.Height];
        long[] shape = [1, 3, spec.Height, spec.Width];
        for (var i = 0; i < photos.Count; i++)
        {
            using (var photo = Decode(photos[i])) ModelInput.Fill(photo, spec, input);
            using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
            using var runOptions = new RunOptions();
            using var outputs = session.Run(runOptions, [spec.Input], [value], tensors.ToArray());
            for (var t = 0; t < tensors.Count; t++)
                ranges[tensors[t]] = ranges[tensors[t]].Including(outputs[t].GetTensorDataAsSpan<float>());
            photoDone?.Invoke(i + 1);
        }
        return ranges;
    }

    static InferenceSession Open(OnnxModel model, SessionOptions options)
    {
        try { return new InferenceSession(model.ToBytes(), options); }
        catch (OnnxRuntimeException e) { throw new InvalidOperationException($"ONNX Runtime cannot load the model for calibration: {e.Message}", e); }
    }

    static Photo Decode(string path)
    {
        try { return Photo.Decode(File.ReadAllBytes(path)); }
        catch (CutoutException e) { throw new IOException($"calibration photo {path}: {e.Message}", e); }
    }
}
