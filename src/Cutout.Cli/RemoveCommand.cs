using System.Collections.Concurrent;

namespace Cutout.Cli;

/// <summary>`cutout remove`: one shared model, many images, never a half-written or overwritten input.</summary>
static class RemoveCommand
{
    public static int Run(string[] args)
    {
        RemoveArgs parsed;
        var (photoArgs, video) = VideoArgs.Extract(args);
        try { parsed = RemoveArgs.Parse(photoArgs); }
        catch (HelpRequested)
        {
            Console.WriteLine(RemoveArgs.Usage + VideoArgs.Usage);
            return ExitCodes.Ok;
        }

        if (parsed.Inputs is ["-"])
        {
            if (!parsed.OutputIsFile && !Console.IsOutputRedirected)
                throw new UsageException("refusing to write binary image data to a terminal: redirect stdout (> out.png) or use -o out.png.");
            using var single = BackgroundRemover.Load(parsed.Model);
            return StdinToStdout(single, parsed);
        }
        var (inputs, missing, skipped) = InputExpander.Expand(parsed.Inputs, parsed.Output);
        foreach (var note in skipped) Console.Error.WriteLine($"cutout: {note.Path}: skipped, {note.Reason}");
        if (parsed.OutputIsFile && inputs.Count + missing.Count > 1)
            throw new UsageException($"-o {parsed.Output} names one file, but the inputs hold {inputs.Count} images; name a folder for several.");
        if (parsed.Shard is { } shard) inputs = shard.Take(inputs);
        var (videos, files) = VideoArgs.Split(inputs);
        var videoExit = videos.Count == 0 ? ExitCodes.Ok : VideoBatch.Run(parsed, video, videos);
        if (videoExit == VideoBatch.Interrupted || (files.Count == 0 && missing.Count == 0)) return videoExit;
        // One single-threaded inference per core beats one multi-threaded inference at a time (bench/results.md).
        var parallel = Math.Clamp(parsed.Threads ?? Environment.ProcessorCount, 1, Math.Max(1, files.Count));
        using var remover = BackgroundRemover.Load(parsed.Model, Math.Max(1, Environment.ProcessorCount / parallel));
        return Math.Max(Batch(remover, parsed, files, missing, parallel), videoExit);
    }

    static int StdinToStdout(BackgroundRemover remover, RemoveArgs args)
    {
        using var input = new MemoryStream();
        Console.OpenStandardInput().CopyTo(input);
        RemovalResult result;
        try
        {
            result = remover.Remove(input.GetBuffer().AsSpan(0, (int)input.Length), args.Options);
            if (!result.SubjectFound) Console.Error.WriteLine("cutout: stdin: warning: " + EmptyAdvice.For(result.Model));
            if (args.OutputIsFile)
            {
                AtomicFile.Write(args.Output, result.Data);
                Console.Error.WriteLine($"cutout: stdin -> {Path.GetFullPath(args.Output)}");
                return ExitCodes.Ok;
            }
        }
        catch (Exception e) when (e is CutoutException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("cutout: stdin: " + e.Message);
            return ExitCodes.SomeFailed;
        }
        return StandardOutput.TryWrite(result.Data) ? ExitCodes.Ok : ExitCodes.SomeFailed;
    }

    static int Batch(BackgroundRemover remover, RemoveArgs args, IReadOnlyList<InputFile> files, IReadOnlyList<InputNote> missing, int parallel)
    {
        foreach (var m in missing) Console.Error.WriteLine($"cutout: {m.Path}: {m.Reason}");
        var inputs = InputIdentities.Of(files);
        var extension = OutputRenderer.Extension(args.Options.Mask ? OutputFormat.Png : args.Options.Format);
        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int written = 0, empty = 0, skipped = 0, failed = missing.Count;

        BatchProgress.Run(files.Count, progress =>
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallel }, file =>
            {
                var output = Path.GetFullPath(args.OutputIsFile ? args.Output : Path.Combine(args.Output, file.RelativeStem + extension));
                var outcome = Process(remover, args, file.Path, output, inputs, claimed, progress);
                switch (outcome)
                {
                    case Outcome.Written: Interlocked.Increment(ref written); break;
                    case Outcome.WrittenEmpty: Interlocked.Increment(ref written); Interlocked.Increment(ref empty); break;
                    case Outcome.Skipped: Interlocked.Increment(ref skipped); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            }));

        var emptyNote = empty > 0 ? $" ({empty} with no subject found)" : "";
        Console.Error.WriteLine($"cutout: {written} written{emptyNote}, {skipped} skipped, {failed} failed{Where(args)}");
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>Names the output only when it exists, so a run that made nothing points nowhere.</summary>
    static string Where(RemoveArgs args)
    {
        var full = Path.GetFullPath(args.Output);
        return args.OutputIsFile ? File.Exists(full) ? $"; output {full}" : ""
            : Directory.Exists(full) ? $"; output in {full}" : "";
    }

    enum Outcome { Written, WrittenEmpty, Skipped, Failed }

    static Outcome Process(BackgroundRemover remover, RemoveArgs args, string input, string output, InputIdentities inputs,
                           ConcurrentDictionary<string, string> claimed, BatchProgress progress)
    {
        if (inputs.Find(output) is { } overwritten)
            return Fail(progress, input, overwritten == input
                ? "the output would overwrite the input; choose another -o folder or --format"
                : $"the output {output} would overwrite the input {overwritten}; choose another -o folder or --format");
        if (!claimed.TryAdd(output, input))
            return Fail(progress, input, $"{claimed[output]} already writes {output}");
        if (File.Exists(output) && !args.Overwrite)
        {
            progress.Skipped(input, output);
            return Outcome.Skipped;
        }
        try
        {
            var result = remover.Remove(File.ReadAllBytes(input), args.Options);
            AtomicFile.Write(output, result.Data);
            if (!result.SubjectFound)
            {
                progress.WrittenEmpty(input, output, EmptyAdvice.For(result.Model));
                return Outcome.WrittenEmpty;
            }
            progress.Written(input, output, result.TotalTime);
            return Outcome.Written;
        }
        catch (Exception e) when (e is CutoutException or IOException or UnauthorizedAccessException)
        {
            return Fail(progress, input, e.Message);
        }
    }

    static Outcome Fail(BatchProgress progress, string input, string reason)
    {
        progress.Failed(input, reason);
        return Outcome.Failed;
    }
}
