using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cutout;

/// <summary>One ONNX model file and its sidecar, loaded once: photo in, alpha at the model's own resolution out. Thread-safe.</summary>
public sealed class ModelSession : IDisposable
{
    readonly InferenceSession _session;
    readonly bool _halfInput;
    readonly ConcurrentBag<float[]> _inputBuffers = [];

    public ModelSpec Spec { get; }
    public string ModelPath { get; }

    ModelSession(string modelPath, ModelSpec spec, InferenceSession session)
    {
        ModelPath = modelPath;
        Spec = spec;
        _session = session;
        _halfInput = session.InputMetadata.TryGetValue(spec.Input, out var meta)
            ? meta.ElementDataType == TensorElementType.Float16
            : throw new CutoutException(CutoutErrorKind.BadModel,
                $"Model {modelPath} has no input '{spec.Input}' (it has: {string.Join(", ", session.InputMetadata.Keys)}).");
        if (!session.OutputMetadata.ContainsKey(spec.Output))
            throw new CutoutException(CutoutErrorKind.BadModel,
                $"Model {modelPath} has no output '{spec.Output}' (it has: {string.Join(", ", session.OutputMetadata.Keys)}).");
    }

    /// <param name="path">An .onnx file with its sidecar .json next to it.</param>
    /// <param name="intraOpThreads">ONNX Runtime threads inside one inference (null: its default, all cores).</param>
    public static ModelSession Load(string path, int? intraOpThreads = null)
    {
        var spec = ReadSpec(path);
        try
        {
            return new ModelSession(path, spec, new InferenceSession(path, SessionOptionsFor(intraOpThreads)));
        }
        catch (OnnxRuntimeException e)
        {
            throw new CutoutException(CutoutErrorKind.BadModel, $"ONNX Runtime cannot load {path}: {e.Message}", e);
        }
    }

    /// <summary>The sidecar of an .onnx file, read without loading the model.</summary>
    public static ModelSpec ReadSpec(string path)
    {
        var sidecar = ModelCatalog.SidecarPath(path);
        if (!File.Exists(sidecar))
            throw new CutoutException(CutoutErrorKind.BadModel, $"Model {path} has no sidecar {sidecar} (input size, normalisation, output kind).");
        return ModelSpec.Read(sidecar);
    }

    static SessionOptions SessionOptionsFor(int? intraOpThreads)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        if (intraOpThreads is > 0) options.IntraOpNumThreads = intraOpThreads.Value;
        // Spinning worker threads steal the cores from decode, refine and encode and from other requests.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }

    /// <summary>Alpha (0..1) at <see cref="Spec"/>'s width x height, row-major, and the time spent in the network.</summary>
    public (float[] Alpha, TimeSpan ModelTime) Infer(Photo photo)
    {
        var plane = Spec.Width * Spec.Height;
        if (!_inputBuffers.TryTake(out var input)) input = new float[3 * plane];
        try
        {
            ModelInput.Fill(photo, Spec, input);
            long[] shape = [1, 3, Spec.Height, Spec.Width];
            using var inputValue = _halfInput
                ? OrtValue.CreateTensorValueFromMemory(ToHalf(input), shape)
                : OrtValue.CreateTensorValueFromMemory(input, shape);
            var clock = Stopwatch.StartNew();
            using var runOptions = new RunOptions();
            using var outputs = _session.Run(runOptions, [Spec.Input], [inputValue], [Spec.Output]);
            var elapsed = clock.Elapsed;
            return (ReadOutput(outputs[0], plane), elapsed);
        }
        finally
        {
            _inputBuffers.Add(input);
        }
    }

    float[] ReadOutput(OrtValue value, int plane)
    {
        var info = value.GetTensorTypeAndShape();
        if (info.ElementCount < plane)
            throw new CutoutException(CutoutErrorKind.BadModel,
                $"Model output has {info.ElementCount} values; expected {Spec.Width}x{Spec.Height}.");
        var result = new float[plane];
        if (info.ElementDataType == TensorElementType.Float16)
        {
            var half = value.GetTensorDataAsSpan<Float16>()[..plane];
            for (var i = 0; i < plane; i++) result[i] = (float)half[i];
        }
        else
        {
            value.GetTensorDataAsSpan<float>()[..plane].CopyTo(result);
        }
        if (Spec.OutputIsLogit) TensorPrimitives.Sigmoid(result, result);
        else TensorPrimitives.Clamp(result, 0f, 1f, result);
        return result;
    }

    static Float16[] ToHalf(float[] values)
    {
        var half = new Half[values.Length];
        TensorPrimitives.ConvertToHalf(values, half);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<Half, Float16>(half).ToArray();
    }

    public void Dispose() => _session.Dispose();
}
