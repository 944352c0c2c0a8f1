using System.Globalization;
using Cutout.Training.Models;
using Cutout.Training.Training;

namespace Cutout.Train;

/// <summary><c>cutout-train average</c>: one checkpoint holding the weighted mean of several (a model soup).</summary>
public static class AverageCommand
{
    public const string Help = """
        cutout-train average --arch NAME --checkpoints A,B[,C...] --out FILE.bin [--weights WA,WB,...]
          --checkpoints LIST  two or more checkpoints (best.bin, checkpoint/model.bin) or float exports of one architecture,
                              fine-tuned from one start (averaging models from different starts gives nonsense)
          --weights LIST      their relative weights [equal]
          --out FILE.bin      the averaged checkpoint, for `export --checkpoint` or `train --init`; never one of the inputs
        Floating-point weights and BatchNorm statistics are averaged; BatchNorm's batch counts come from the first.
        """;

    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var architecture = a.String("arch") ?? throw new ArgumentException("--arch is required");
        var paths = List(a.String("checkpoints") ?? throw new ArgumentException("--checkpoints is required"));
        var output = a.String("out") ?? throw new ArgumentException("--out is required");
        var weights = a.String("weights") is { } text ? Weights(text) : paths.Select(_ => 1.0).ToArray();
        a.RejectUnknown();
        if (paths.Length < 2) throw new ArgumentException("--checkpoints needs two or more files, separated by commas");
        if (weights.Length != paths.Length) throw new ArgumentException($"--weights gives {weights.Length} numbers for {paths.Length} checkpoints");
        var outputFull = Path.GetFullPath(output);
        if (paths.Any(p => Path.GetFullPath(p) == outputFull)) throw new ArgumentException("--out must not be one of the checkpoints");

        var models = new List<SegmentationModel>();
        try
        {
            foreach (var path in paths) models.Add(ModelFiles.Load(architecture, path));
            using var average = ModelRegistry.Create(architecture, pretrained: false);
            WeightAverage.Into(average, models, weights);
            Directory.CreateDirectory(Path.GetDirectoryName(outputFull)!);
            var temporary = outputFull + ".partial";
            try
            {
                average.save(temporary);
                File.Move(temporary, outputFull, overwrite: true);
            }
            catch
            {
                File.Delete(temporary);
                throw;
            }
        }
        finally
        {
            foreach (var model in models) model.Dispose();
        }
        var shares = weights.Select(w => (w / weights.Sum()).ToString("F3", CultureInfo.InvariantCulture));
        Console.WriteLine($"wrote {output}: the mean of {string.Join(", ", paths.Zip(shares, (p, s) => $"{p} x {s}"))}");
        return 0;
    }

    static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    static double[] Weights(string text)
    {
        var parts = List(text);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]) || values[i] < 0)
                throw new ArgumentException($"--weights: '{parts[i]}' is not a non-negative number");
        if (values.Sum() <= 0) throw new ArgumentException("--weights: not all of them may be zero");
        return values;
    }
}
