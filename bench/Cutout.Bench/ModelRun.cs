using System.Diagnostics;

namespace Cutout.Bench;

/// <summary>Every figure for one model, measured in this process run.</summary>
sealed class ModelRun
{
    public required string Name { get; init; }
    public required string Path { get; init; }
    public required int InputWidth { get; init; }
    public required int InputHeight { get; init; }
    public required double FileMb { get; init; }
    public required double LoadMs { get; init; }
    public required MachineLimit.Flops Flops { get; init; }
    public required InProcess.EndToEnd OneMp { get; init; }
    public required InProcess.EndToEnd OneMpNoRefine { get; init; }
    public required InProcess.EndToEnd TwelveMp { get; init; }
    public required CliRuns.Batch Folder { get; init; }
    public CliRuns.Batch? FolderThreads2 { get; init; }
    public required CliRuns.Memory Memory12Mp { get; init; }
    public required CliRuns.Memory Memory12MpRefine { get; init; }
    public required ServeSummary Serve { get; init; }
    /// <summary>The server with one inference slot per core and one ONNX Runtime thread each (shipped model only).</summary>
    public ServeSummary? ServePerCore { get; init; }
    public List<InProcess.SessionVariant> Variants { get; init; } = [];
    public List<InProcess.EncoderVariant> Encoders { get; init; } = [];

    public sealed record ServeSummary(int Requests, int Concurrency, double Seconds, Stats LatencyMs, int Ok, double PeakRssMb)
    {
        public double RequestsPerSecond => Requests / Seconds;
    }

    static readonly Cutout.RemoveOptions Refine = new() { Refine = true };

    public static async Task<ModelRun> MeasureAsync(string model, int runs, int folderCount, int serveRequests, Options options,
                                                    Fixtures fixtures, IDictionary<string, string> env, bool variants, bool threads2,
                                                    Action? afterInProcess = null)
    {
        var path = Cutout.ModelCatalog.ResolvePath(model);
        Console.WriteLine($"== {model}: {path}");
        var clock = Stopwatch.StartNew();
        using var remover = Cutout.BackgroundRemover.Load(model);
        var load = clock.Elapsed.TotalMilliseconds;
        var spec = remover.Spec;

        var flops = MachineLimit.CountFlops(path, spec, fixtures.Root);
        Console.WriteLine($"  {flops.TotalGflop:0.00} GFLOP per image");
        var oneMp = InProcess.Measure(remover, fixtures.Jpeg1Mp, Refine, runs);
        Console.WriteLine($"  1 MP end to end median {oneMp.TotalMs.Median:0} ms (model {oneMp.ModelMs.Median:0} ms)");
        var oneMpPlain = InProcess.Measure(remover, fixtures.Jpeg1Mp, new Cutout.RemoveOptions(), Math.Max(2, runs / 2));
        var twelve = InProcess.Measure(remover, fixtures.Jpeg12Mp, Refine, Math.Clamp(runs / 2, 2, 3));
        Console.WriteLine($"  12 MP end to end median {twelve.TotalMs.Median:0} ms");
        var variantList = variants ? InProcess.Variants(path, spec, runs) : [];
        foreach (var v in variantList) Console.WriteLine($"  variant {v.Name}: {v.LatencyMs.Median:0.0} ms, {v.ImagesPerSecond:0.00} img/s");
        var encoders = variants ? InProcess.Encoders(remover, fixtures.Jpeg1Mp, 3) : [];
        foreach (var e in encoders) Console.WriteLine($"  encoder {e.Name}: {e.Ms:0.0} ms, {e.Kb:0} kB");
        remover.Dispose();   // free its memory before the children start
        afterInProcess?.Invoke();

        var folder = CliRuns.Folder(model, fixtures.Folder, folderCount, 1, fixtures.Root, env);
        Console.WriteLine($"  cutout remove folder: {folder.Images} in {folder.WallSeconds:0.0} s = {folder.ImagesPerSecond:0.00} img/s");
        var folder2 = threads2 && Environment.ProcessorCount > 1
            ? CliRuns.Folder(model, fixtures.Folder, folderCount, Environment.ProcessorCount, fixtures.Root, env)
            : null;
        if (folder2 != null) Console.WriteLine($"  ... --threads {folder2.Threads}: {folder2.ImagesPerSecond:0.00} img/s");
        var mem = CliRuns.PeakMemory(model, fixtures.Jpeg12Mp, [], fixtures.Root, env);
        var memRefine = CliRuns.PeakMemory(model, fixtures.Jpeg12Mp, ["--refine"], fixtures.Root, env);
        Console.WriteLine($"  12 MP peak RSS {mem.PeakRssMb:0} MB, with --refine {memRefine.PeakRssMb:0} MB");
        var serve = await ServeAsync(model, fixtures, env, serveRequests, options.ServeConcurrency);
        Console.WriteLine($"  serve: {serve.RequestsPerSecond:0.00} req/s, p50 {serve.LatencyMs.Median:0} ms, p99 {serve.LatencyMs.P99:0} ms");
        ServeSummary? perCore = null;
        if (threads2 && Environment.ProcessorCount > 1)
        {
            perCore = await ServeAsync(model, fixtures, env, serveRequests, options.ServeConcurrency,
                "--concurrency", Environment.ProcessorCount.ToString(), "--threads", "1");
            Console.WriteLine($"  serve --concurrency {Environment.ProcessorCount} --threads 1: {perCore.RequestsPerSecond:0.00} req/s, p50 {perCore.LatencyMs.Median:0} ms, p99 {perCore.LatencyMs.P99:0} ms");
        }

        return new ModelRun
        {
            Name = model, Path = path, InputWidth = spec.Width, InputHeight = spec.Height,
            FileMb = new FileInfo(path).Length / 1048576.0, LoadMs = load, Flops = flops,
            OneMp = oneMp, OneMpNoRefine = oneMpPlain, TwelveMp = twelve, Folder = folder, FolderThreads2 = folder2,
            Memory12Mp = mem, Memory12MpRefine = memRefine, Serve = serve, ServePerCore = perCore, Variants = variantList, Encoders = encoders,
        };
    }

    static async Task<ServeSummary> ServeAsync(string model, Fixtures fixtures, IDictionary<string, string> env, int requests, int concurrency,
                                               params string[] serverArgs)
    {
        var body = await File.ReadAllBytesAsync(fixtures.Jpeg1Mp);
        await using var server = await ServeRuns.StartAsync(model, env, serverArgs);
        await server.PostAsync(-1, "warm-up", body);   // loads the model
        var clock = Stopwatch.StartNew();
        var outcomes = await server.LoadAsync(requests, concurrency, _ => ("1mp", body));
        var seconds = clock.Elapsed.TotalSeconds;
        return new ServeSummary(requests, concurrency, seconds, Stats.Of(outcomes.Select(o => o.Ms)),
            outcomes.Count(o => o.Status == 200), server.PeakRssKb / 1024.0);
    }
}
