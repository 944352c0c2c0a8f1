using Cutout.Training.Onnx;

namespace Cutout.Train;

/// <summary><c>cutout-train export</c>: a training checkpoint (Module.save of the model) or an earlier export to name.onnx + name.json.</summary>
public static class ExportCommand
{
    public const string Help = """
        cutout-train export --checkpoint FILE --arch NAME --out models/NAME.onnx [options]
          --checkpoint FILE  model weights saved by training (runs/NAME/best.bin or checkpoint/model.bin), or a float
                             .onnx written by this command (to export it again at another size or precision)
          --arch NAME        the architecture the checkpoint was trained with: unet-resnet18 | unet-resnet18-gc |
                             unet-resnet18-gc-atrous | unet-vgg16
          --size PX          input size, a multiple of 32 [320]    (or --width W --height H)
          --out FILE         the .onnx to write; its sidecar .json goes next to it
          --name NAME        model name in the sidecar [file name without extension]
          --subject KIND     what it cuts out, in the sidecar: people | general (the catalog's aliases and "auto" use it)
          --fp16             store weights as float16 (half the file; the graph still computes in float32)
          --no-verify        skip the ONNX Runtime vs TorchSharp comparison on a random image
        The ONNX graph (opset 17) takes "input" [N,3,H,W] float32 RGB 0..255 and returns "output" [N,1,H,W] probability.
        """;

    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var checkpoint = a.String("checkpoint") ?? throw new ArgumentException("--checkpoint is required");
        var architecture = a.String("arch") ?? throw new ArgumentException("--arch is required");
        var output = a.String("out") ?? throw new ArgumentException("--out is required");
        int size = a.Int("size", 320);
        int width = a.Int("width", size), height = a.Int("height", size);
        var name = a.String("name");
        var subject = a.String("subject");
        bool fp16 = a.Flag("fp16"), verify = !a.Flag("no-verify");
        a.RejectUnknown();
        if (subject is not (null or "people" or "general")) throw new ArgumentException("--subject must be people or general");
        if (width < 32 || height < 32 || width % 32 != 0 || height % 32 != 0)
            throw new ArgumentException("--size / --width / --height must be positive multiples of 32");
        if (!output.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)) throw new ArgumentException("--out must end in .onnx");

        using var model = ModelFiles.Load(architecture, checkpoint);
        OnnxExporter.Export(model, height, width, output, fp16, name);
        if (subject != null)
        {
            var sidecar = OnnxExporter.SidecarPath(output);
            (Cutout.ModelSpec.Read(sidecar) with { Subject = subject }).Write(sidecar);
        }
        Console.WriteLine($"wrote {output} ({new FileInfo(output).Length / 1e6:F1} MB{(fp16 ? ", float16 weights" : "")}) and {OnnxExporter.SidecarPath(output)}");
        if (verify)
        {
            var diff = ExportVerifier.MaxAbsDifference(model, output, height, width);
            Console.WriteLine($"verified: ONNX Runtime vs TorchSharp max abs difference {diff:E2} on a random {width}x{height} image");
            double bound = fp16 ? 5e-2 : 1e-3;
            if (diff > bound)
            {
                Console.Error.WriteLine($"cutout-train: the exported model differs from the checkpoint by {diff:E2} (> {bound:E0})");
                return 1;
            }
        }
        return 0;
    }
}
