using Cutout.Training.Models;
using Cutout.Training.Models.Encoders;
using Cutout.Training.Models.Summary;
using Spectre.Console;

namespace Cutout.Train;

/// <summary><c>cutout-train summary</c>: the layer table and parameter counts of an architecture, Keras style.</summary>
public static class SummaryCommand
{
    public const string Help = """
        cutout-train summary --arch NAME [--size PX | --width W --height H]
          --arch NAME    unet-resnet18 (ImageNet ResNet18 encoder, blocks [2,2,2,3]) | unet-resnet18-gc (the same with
                         a global context block before the decoder) | unet-resnet18-gc-atrous (and dilated context
                         convs after it) | unet-vgg16 (random init: no pretrained VGG16
                         weights are available here)   [unet-vgg16]
          --size PX      input size, a multiple of 32 [128]
        Prints one row per layer (output shape, parameters), the learnable count, the count trainable with a frozen
        encoder (the training default), and last `parameters: N`, counted as Keras counts them (learnable weights plus
        BatchNorm moving means and variances).
        """;

    public static int Run(string[] args) => Run(args, Console.Out);

    public static int Run(string[] args, TextWriter output)
    {
        var a = new Arguments(args);
        var architecture = a.String("arch", "unet-vgg16");
        int size = a.Int("size", 128);
        int width = a.Int("width", size), height = a.Int("height", size);
        a.RejectUnknown();
        if (!ModelRegistry.Names.Contains(architecture, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"--arch: unknown architecture '{architecture}'; known: {string.Join(", ", ModelRegistry.Names)}");
        if (width < 32 || height < 32 || width % 32 != 0 || height % 32 != 0)
            throw new ArgumentException("--size / --width / --height must be positive multiples of 32");

        using var model = ModelRegistry.Create(architecture, pretrained: false);
        var summary = ModelSummary.Of(model, height, width);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });

        var encoder = architecture.Split('-')[1];
        var weights = EncoderRegistry.HasPretrainedWeights(encoder)
            ? "ImageNet weights (Microsoft.ML.DnnImageFeaturizer.ResNet18) are loaded for training"
            : "random init (no pretrained VGG16 weights are available here)";
        output.WriteLine($"{model.Architecture}: input {width}x{height} RGB 0..255, output 1 channel; encoder {encoder}: {weights}");

        var table = new Table().AddColumn("layer").AddColumn("output shape (N, C, H, W)").AddColumn(new TableColumn("params").RightAligned());
        foreach (var row in summary.Rows)
            table.AddRow(Markup.Escape($"{row.Layer} ({row.Type})"), row.ShapeText, row.KerasParameters.ToString("N0"));
        console.Write(table);

        output.WriteLine($"learnable: {summary.Learnable:N0} (encoder {summary.EncoderLearnable:N0})");
        output.WriteLine($"trainable with the encoder frozen (default): {summary.TrainableWithFrozenEncoder:N0}");
        output.WriteLine($"non-trainable BatchNorm moving statistics: {summary.MovingStatistics:N0}");
        output.WriteLine($"parameters: {summary.KerasTotal}");
        return 0;
    }
}
