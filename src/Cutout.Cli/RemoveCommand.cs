using System.Collections.Concurrent;

namespace Cutout.Cli;

/// <summary>`cutout remove`: one shared model, many images, never a half-written or overwritten input.</summary>
static class RemoveCommand
{
    public static int Run(string[] args)
    {
        RemoveArgs parsed;
        try { parsed = RemoveArgs.Parse(args); }
        catch (HelpRequested)
        {
            Console.WriteLine(RemoveArgs.Usage);
            return ExitCodes.Ok;
        }

        if (parsed.Inputs is ["-"])
        {
            if (!parsed.OutputIsFile && !Console.IsOutputRedirected)
                throw new UsageException("refusing to write binary image data to a terminal: redirect stdout (> out.png) or use -o out.png.");
            using var single = BackgroundRemover.Load(parsed.Model);
            return StdinToStdout(single, parsed);
        }
        var (files, missing) = InputExpander.Expand(parsed.Inputs, parsed.Output);
        if (parsed.OutputIsFile && files.Count + missing.Count > 1)
            throw new UsageException($"-o {parsed.Output} names one file, but the inputs hold {files.Count} images; name a folder for several.");
        if (parsed.Shard is { } shard) files = shard.Take(files);
        // One single-threaded inference per core beats one multi-threaded inference at a time (bench/results.md).
        var parallel = Math.Clamp(parsed.Threads ?? Environment.ProcessorCount, 1, Math.Max(1, files.Count));
        using var remover = BackgroundRemover.Load(parsed.Model, Math.Max(1, Environment.ProcessorCount / parallel));
        return Batch(remover, parsed, files, missing, parallel);
    }

    static int StdinToStdout(BackgroundRemover remover, RemoveArgs args)
    {
        using var input = new MemoryStream();
        Console.OpenStandardInput().CopyTo(input);
        try
        {
            var result = remover.Remove(input.GetBuffer().AsSpan(0, (int)input.Length), args.Options);
            if (args.OutputIsFile)
            {
                AtomicFile.Write(args.Output, result.Data);
                Console.Error.WriteLine($"cutout: stdin -> {Path.GetFullPath(args.Output)}");
                return ExitCodes.Ok;
            }
            using var stdout = Console.OpenStandardOutput();
            stdout.Write(result.Data);
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is CutoutException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("cutout: stdin: " + e.Message);
            return ExitCodes.SomeFailed;
        }
    }

    static int Batch(BackgroundRemover remover, RemoveArgs args, IReadOnlyList<InputFile> files, IReadOnlyList<string> missing, int parallel)
    {
        foreach (var m in missing) Console.Error.WriteLine($"cutout: {m}: no such file, folder, or matching image");
        var extension = OutputRenderer.Extension(args.Options.Mask ? OutputFormat.Png : args.Options.Format);
        var claimed = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        int written = 0, skipped = 0, failed = missing.Count;

        BatchProgress.Run(files.Count, progress =>
            Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = parallel }, file =>
            {
                var output = Path.GetFullPath(args.OutputIsFile ? args.Output : Path.Combine(args.Output, file.RelativeStem + extension));
                var outcome = Process(remover, args, file.Path, output, claimed, progress);
                switch (outcome)
                {
                    case Outcome.Written: Interlocked.Increment(ref written); break;
                    case Outcome.Skipped: Interlocked.Increment(ref skipped); break;
                    default: Interlocked.Increment(ref failed); break;
                }
            }));

        Console.Error.WriteLine($"cutout: {written} written, {skipped} skipped, {failed} failed{Where(args)}");
        return failed > 0 ? ExitCodes.SomeFailed : ExitCodes.Ok;
    }

    /// <summary>Names the output only when it exists, so a run that made nothing points nowhere.</summary>
    static string Where(RemoveArgs args)
    {
        var full = Path.GetFullPath(args.Output);
        return args.OutputIsFile ? File.Exists(full) ? $"; output {full}" : ""
            : Directory.Exists(full) ? $"; output in {full}" : "";
    }

    enum Outcome { Written, Skipped, Failed }

    static Outcome Process(BackgroundRemover remover, RemoveArgs args, string input, string output,
                           ConcurrentDictionary<string, string> claimed, BatchProgress progress)
    {
        if (string.Equals(input, output, StringComparison.Ordinal))
            return Fail(progress, input, "the output would overwrite the input; choose another -o folder or --format");
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
