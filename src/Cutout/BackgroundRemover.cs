using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Cutout;

/// <summary>One ONNX model, loaded once; thread-safe, reuse it for every image.</summary>
public sealed class BackgroundRemover : IDisposable
{
    readonly InferenceSession _session;
    readonly bool _halfInput;
    readonly ConcurrentBag<float[]> _inputBuffers = [];

    public ModelSpec Spec { get; }
    public string ModelPath { get; }

    BackgroundRemover(string modelPath, ModelSpec spec, InferenceSession session)
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

    /// <param name="model">null or "default": the shipped model; "isnet": the pulled IS-Net; else an .onnx path with its sidecar .json.</param>
    /// <param name="intraOpThreads">ONNX Runtime threads inside one inference (null: its default, all cores).</param>
    public static BackgroundRemover Load(string? model = null, int? intraOpThreads = null)
    {
        var path = ModelCatalog.ResolvePath(model ?? "default");
        var sidecar = ModelCatalog.SidecarPath(path);
        if (!File.Exists(sidecar))
            throw new CutoutException(CutoutErrorKind.BadModel, $"Model {path} has no sidecar {sidecar} (input size, normalisation, output kind).");
        var spec = ModelSpec.Read(sidecar);
        try
        {
            return new BackgroundRemover(path, spec, new InferenceSession(path, SessionOptionsFor(intraOpThreads)));
        }
        catch (OnnxRuntimeException e)
        {
            throw new CutoutException(CutoutErrorKind.BadModel, $"ONNX Runtime cannot load {path}: {e.Message}", e);
        }
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

    public RemovalResult Remove(ReadOnlySpan<byte> encodedImage, RemoveOptions options)
    {
        var clock = Stopwatch.StartNew();
        OutputRenderer.Validate(options);
        using var photo = Photo.Decode(encodedImage, options.MaxPixels, options.MaxPixelsPerByte);
        var matte = PredictAlpha(photo);
        matte = MattePipeline.Apply(photo, matte, options, Spec);
        var (data, width, height) = OutputRenderer.Render(photo, matte, options);
        var format = options.Mask ? OutputFormat.Png : options.Format;
        return new RemovalResult(data, OutputRenderer.ContentType(format), OutputRenderer.Extension(format), width, height,
            matte.ModelTime, clock.Elapsed);
    }

    /// <summary>Full-resolution soft alpha (0..1) for a decoded photo; transparent input pixels stay transparent.</summary>
    public AlphaMatte PredictAlpha(Photo photo)
    {
        var (raw, modelTime) = Infer(photo);
        var values = MatteResize.Bilinear(raw, Spec.Width, Spec.Height, photo.Width, photo.Height);
        if (photo.HasTransparency)
            for (int i = 0, j = 3; i < values.Length; i++, j += 4)
                values[i] *= photo.Rgba[j] * (1f / 255f);
        return new AlphaMatte(photo.Width, photo.Height, values) { ModelTime = modelTime };
    }

    (float[] Output, TimeSpan ModelTime) Infer(Photo photo)
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
