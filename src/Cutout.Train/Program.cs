using Cutout.Train;

const string usage = """
    cutout-train: trains and exports Cutout's segmentation models (TorchSharp, CPU).

      cutout-train train   --data DIR [--arch unet-resnet18] [--size 320] [--epochs 30] [--out runs/NAME] ...
      cutout-train summary --arch unet-vgg16 --size 128
      cutout-train report  runs/NAME       (rewrites report.json + report.png from the checkpoint)
      cutout-train doctor  [--threads 1,2]  (checks libtorch's kernels give finite, repeatable results on this CPU)
      cutout-train export  --checkpoint runs/NAME/best.bin --arch unet-resnet18 --size 320 --out models/NAME.onnx [--fp16]
      cutout-train average --arch unet-resnet18 --checkpoints runs/A/best.bin,runs/B/best.bin --out runs/soup.bin
      cutout-train quantize exports/NAME.onnx --out models/NAME.onnx --activations --calibrate DATA/train [--version V]

    `cutout-train --data ...` without a command means `train`. `cutout-train train --help` lists every option.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(usage);
    return args.Length == 0 ? 2 : 0;
}
var (command, rest) = args[0].StartsWith("--") ? ("train", args) : (args[0], args[1..]);
if (rest.Contains("--help") || rest.Contains("-h"))
{
    Console.WriteLine(command switch
    {
        "train" => TrainCommand.Help,
        "summary" => SummaryCommand.Help,
        "export" => ExportCommand.Help,
        "quantize" => QuantizeCommand.Help,
        "average" => AverageCommand.Help,
        "report" => ReportCommand.Help,
        "doctor" => DoctorCommand.Help,
        _ => usage,
    });
    return 0;
}
try
{
    return command switch
    {
        "train" => TrainCommand.Run(rest),
        "summary" => SummaryCommand.Run(rest),
        "export" => ExportCommand.Run(rest),
        "quantize" => QuantizeCommand.Run(rest),
        "average" => AverageCommand.Run(rest),
        "report" => ReportCommand.Run(rest),
        "doctor" => DoctorCommand.Run(rest),
        _ => throw new ArgumentException($"unknown command '{command}'"),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"cutout-train: {e.Message}\n\n{usage}");
    return 2;
}
catch (Cutout.Training.Training.NonFiniteTrainingException e)
{
    Console.Error.WriteLine($"cutout-train: {e.Message}. Nothing of this step was saved; the last checkpoint is from before it. " +
                            "Lower --lr, or report it with the libtorch line printed at the start.");
    return 3;
}
catch (Exception e) when (e is Cutout.Training.Data.DatasetException or IOException or UnauthorizedAccessException or InvalidOperationException)
{
    Console.Error.WriteLine($"cutout-train: {e.Message}");
    return 1;
}
