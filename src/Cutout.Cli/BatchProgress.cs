using System.Diagnostics;
using Spectre.Console;

namespace Cutout.Cli;

/// <summary>Reports a batch: a live progress bar on a terminal, plain lines otherwise. Thread-safe.</summary>
abstract class BatchProgress(int total)
{
    readonly Stopwatch _clock = Stopwatch.StartNew();
    int _done;

    protected int Total => total;

    public static void Run(int total, Action<BatchProgress> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected)
        {
            work(new PlainProgress(total));
            return;
        }
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new LiveProgress(total, context.AddTask("starting", maxValue: Math.Max(total, 1)))));
    }

    public void Written(string input, string output, TimeSpan elapsed) => Completed($"{input} -> {output} ({elapsed.TotalMilliseconds:F0} ms)", null);
    public void WrittenEmpty(string input, string output, string advice) => Completed($"{input} -> {output}", $"{input}: {advice}", "warning");
    public void Skipped(string input, string output) => Completed($"{input}: skipped, {output} exists (--overwrite replaces it)", null);
    public void Failed(string input, string reason) => Completed(null, $"{input}: {reason}");

    void Completed(string? line, string? problem, string kind = "failed")
    {
        var done = Interlocked.Increment(ref _done);
        var rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        Report(done, rate, line, problem, kind);
    }

    protected abstract void Report(int done, double imagesPerSecond, string? line, string? problem, string kind);

    sealed class PlainProgress(int total) : BatchProgress(total)
    {
        readonly Lock _gate = new();

        protected override void Report(int done, double imagesPerSecond, string? line, string? problem, string kind)
        {
            lock (_gate)
            {
                if (line != null) Console.WriteLine($"[{done}/{Total}] {line}");
                if (problem != null) Console.Error.WriteLine($"[{done}/{Total}] {kind}: {problem}");
            }
        }
    }

    sealed class LiveProgress(int total, ProgressTask task) : BatchProgress(total)
    {
        protected override void Report(int done, double imagesPerSecond, string? line, string? problem, string kind)
        {
            if (problem != null) AnsiConsole.MarkupLine($"[{(kind == "failed" ? "red" : "yellow")}]{kind}:[/] {Markup.Escape(problem)}");
            task.Description = $"{done}/{Total} images, {imagesPerSecond:F1} img/s";
            task.Increment(1);
        }
    }
}
