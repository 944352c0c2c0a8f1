using Cutout.Video;

namespace Cutout.Cli;

/// <summary>`cutout remove` for video inputs: one after the other, all cores on each; Ctrl+C deletes the half-done one.</summary>
static class VideoBatch
{
    public const int Interrupted = 130;

    public static int Run(RemoveArgs args, VideoArgs video, IReadOnlyList<InputFile> files)
    {
        var options = video.For(args.Options);
        try { options.Validate(); }
        catch (CutoutException e) { throw new UsageException(e.Message); }
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            // The first Ctrl+C stops cleanly; a second one ends the process at once.
            e.Cancel = !cancel.IsCancellationRequested;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        int written = 0, skipped = 0, failed = 0;
        try
        {
            using var remover = LoadOrReport(args.Model, files, ref failed);
            if (remover != null)
                foreach (var file in files)
                {
                    if (cancel.IsCancellationRequested) break;
                    var outcome = One(new VideoRemover(remover), file, VideoRemover.OutputPath(Path.Combine(args.Output, file.RelativeStem), options),
                                      options, args.Overwrite, cancel.Token);
                    _ = outcome switch { Outcome.Written => written++, Outcome.Skipped => skipped++, _ => failed++ };
                }
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
        Console.Error.WriteLine($"cutout: videos: {written} written, {skipped} skipped, {failed} failed; output in {Path.GetFullPath(args.Output)}");
        if (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("cutout: interrupted; the unfinished video was deleted.");
            return Interrupted;
        }
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    enum Outcome { Written, Skipped, Failed }

    static BackgroundRemover? LoadOrReport(string? model, IReadOnlyList<InputFile> files, ref int failed)
    {
        try
        {
            // Frames are predicted one per core, each single-threaded (as for photo batches).
            return BackgroundRemover.Load(model, intraOpThreads: 1);
        }
        catch (CutoutException e)
        {
            foreach (var file in files) Console.Error.WriteLine($"cutout: {file.Path}: {e.Message}");
            failed += files.Count;
            return null;
        }
    }

    static Outcome One(VideoRemover remover, InputFile file, string output, VideoOptions options, bool overwrite, CancellationToken cancel)
    {
        output = Path.GetFullPath(output);
        if (string.Equals(file.Path, output, StringComparison.Ordinal))
            return Fail(file, "the output would overwrite the input; choose another -o folder or --format");
        if ((File.Exists(output) || Directory.Exists(output)) && !overwrite)
        {
            Console.WriteLine($"{file.Path}: skipped, {output} exists (--overwrite replaces it)");
            return Outcome.Skipped;
        }
        var progress = new VideoProgressLine(file.Path);
        try
        {
            var result = remover.Remove(file.Path, output, options, progress, cancel);
            progress.Finish();
            Console.WriteLine($"{file.Path} -> {result.OutputPath} ({result.Frames} frames {result.Width}x{result.Height}, " +
                              $"{result.FramesPerSecond:F2} frames/s, flicker {result.Flicker:F2}{(result.AudioKept ? ", audio kept" : "")})");
            return Outcome.Written;
        }
        catch (OperationCanceledException)
        {
            progress.Finish();
            return Outcome.Failed;
        }
        catch (Exception e) when (e is CutoutException or IOException or UnauthorizedAccessException)
        {
            progress.Finish();
            return Fail(file, e.Message);
        }
    }

    static Outcome Fail(InputFile file, string reason)
    {
        Console.Error.WriteLine($"cutout: {file.Path}: {reason}");
        return Outcome.Failed;
    }
}
