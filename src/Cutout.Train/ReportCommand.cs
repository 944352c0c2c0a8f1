using Cutout.Training.Training;

namespace Cutout.Train;

/// <summary><c>cutout-train report RUN</c>: rewrites report.json and report.png of a run folder from its checkpoint.</summary>
public static class ReportCommand
{
    public const string Help = """
        cutout-train report RUN_FOLDER
          rewrites RUN_FOLDER/report.json and report.png from RUN_FOLDER/checkpoint/state.json and prints the epochs
        """;

    public static int Run(string[] args)
    {
        if (args.Length != 1) throw new ArgumentException("report takes one run folder");
        var state = new CheckpointStore(args[0]).Peek() ?? throw new IOException($"{args[0]}: no checkpoint/state.json");
        TrainingReport.Write(args[0], state);
        foreach (var e in state.History)
            Console.WriteLine($"epoch {e.Epoch}: train loss {e.TrainLoss:F4} IoU {e.TrainIou:F3} | val loss {e.ValidationLoss:F4} " +
                              $"IoU {e.ValidationIou:F3} | {e.ImagesPerSecond:F2} img/s, {e.Seconds:F0} s");
        Console.WriteLine($"wrote {Path.Combine(args[0], "report.json")} and report.png");
        return 0;
    }
}
