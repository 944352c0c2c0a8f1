using Cutout.Training.Onnx;
using Cutout.Training.Onnx.Proto;
using Cutout.Training.Onnx.Quantization;

namespace Cutout.Train;

/// <summary><c>cutout-train quantize</c>: a float model of ours to int8 ONNX (QDQ) plus its sidecar.</summary>
public static class QuantizeCommand
{
    public const string Help = """
        cutout-train quantize IN.onnx --out OUT.onnx [options]
          IN.onnx              a float model written by `cutout-train export` (float32 or --fp16), its sidecar .json next to it
          --out FILE           the int8 .onnx to write; its sidecar .json (IN's, with "precision") goes next to it
          --version V          the "version" in the written sidecar [IN's]
          --activations        quantize activations too (uint8, calibrated), so ONNX Runtime runs the convolutions as
                               QLinearConv; needs --calibrate. Without it only the weights are int8 (smaller file, float maths)
          --calibrate DIR      training photos to measure activation ranges on (DIR or DIR/images); val and test are refused
          --calibrate-count N  how many photos, spread evenly over DIR in name order [64]
        Weights are int8 per output channel (symmetric); activations uint8 per tensor over the min..max seen in calibration;
        the head convolution (logits) and the Sigmoid stay float.
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith("--")) throw new ArgumentException("quantize needs the input model: cutout-train quantize IN.onnx --out OUT.onnx");
        var input = args[0];
        var a = new Arguments(args[1..]);
        var output = a.String("out") ?? throw new ArgumentException("--out is required");
        var version = a.String("version");
        bool activations = a.Flag("activations");
        var calibrate = a.String("calibrate");
        bool countGiven = a.String("calibrate-count") != null;
        int count = a.Int("calibrate-count", 64);
        a.RejectUnknown();
        if (!output.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("--out must end in .onnx");
        if (Path.GetFullPath(output) == Path.GetFullPath(input)) throw new ArgumentException("--out must differ from the input model");
        if (activations && calibrate is null) throw new ArgumentException("--activations needs --calibrate DIR (training photos)");
        if (!activations && (calibrate is not null || countGiven))
            throw new ArgumentException("--calibrate and --calibrate-count only apply with --activations");
        if (version is "") throw new ArgumentException("--version needs a value");
        var photos = activations ? CalibrationImages.Pick(calibrate!, count) : [];
        if (!File.Exists(input)) throw new FileNotFoundException($"model not found: {input}", input);
        var sidecar = OnnxExporter.SidecarPath(input);
        if (!File.Exists(sidecar)) throw new FileNotFoundException($"{input} has no sidecar {sidecar}", sidecar);
        var spec = ReadSidecar(sidecar);
        var model = Load(input);

        Dictionary<string, ActivationRange>? ranges = null;
        if (activations)
        {
            Console.WriteLine($"calibrating on {photos.Count} photos of {calibrate} ...");
            ranges = new(ActivationCalibrator.Measure(model, spec, Int8Quantizer.ActivationTensors(model), photos,
                done => { if (done % 16 == 0 || done == photos.Count) Console.WriteLine($"  {done}/{photos.Count}"); }));
        }
        var quantized = Int8Quantizer.Quantize(model, ranges);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        quantized.Save(output);
        var outputSidecar = OnnxExporter.SidecarPath(output);
        (spec with { Version = version ?? spec.Version, Precision = activations ? "int8" : "int8-weights" }).Write(outputSidecar);

        var plan = QuantizationPlan.For(model.Graph);
        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1e6:F1} MB, was {new FileInfo(input).Length / 1e6:F1} MB; " +
                          $"{plan.Convs.Count} of {plan.Convs.Count + plan.HeadConvs.Count} convolutions int8" +
                          $"{(activations ? " with uint8 activations" : ", weights only")}) and {outputSidecar}");
        return 0;
    }

    static Cutout.ModelSpec ReadSidecar(string path)
    {
        try { return Cutout.ModelSpec.Read(path); }
        catch (Cutout.CutoutException e) { throw new InvalidOperationException(e.Message, e); }
    }

    static OnnxModel Load(string path)
    {
        try { return OnnxModel.Load(path); }
        catch (Google.Protobuf.InvalidProtocolBufferException e) { throw new InvalidOperationException($"{path} is not an ONNX model: {e.Message}", e); }
    }
}
