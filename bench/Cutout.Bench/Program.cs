using System.Diagnostics;
using System.Text.Json;
using Cutout;
using Cutout.Bench;

Options options;
try { options = Options.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine("cutout-bench: " + e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var repo = Repo.Root;
// Shipped models are read from the repository's models/ (the copy next to this build may predate them).
if (Environment.GetEnvironmentVariable("CUTOUT_MODELS") is not { Length: > 0 })
    Environment.SetEnvironmentVariable("CUTOUT_MODELS", Path.Combine(repo, "models"));
var env = new Dictionary<string, string> { ["CUTOUT_MODELS"] = Environment.GetEnvironmentVariable("CUTOUT_MODELS")! };
var work = options.Work ?? Path.Combine(Path.GetTempPath(), "cutout-bench");
var resultsFile = options.Results ?? Path.Combine(repo, "bench", "results.md");
var data = Environment.GetEnvironmentVariable("CUTOUT_DATA") is { Length: > 0 } d ? d : Path.Combine(repo, "..", "shared", "data");

var cpu = MachineLimit.ReadCpu();
Console.WriteLine($"cpu: {cpu.Model}, {cpu.Cores} cores at {cpu.MHz} MHz, avx512={cpu.Avx512}, load {cpu.LoadAverage}");

switch (options.Command)
{
    case "flops":
    {
        foreach (var name in new[] { options.Model, options.Reference }.OfType<string>())
        {
            var path = ModelCatalog.ResolvePath(name);
            var spec = ModelSpec.Read(ModelCatalog.SidecarPath(path));
            var flops = MachineLimit.CountFlops(path, spec, work);
            Console.WriteLine($"{name}: {spec.Width}x{spec.Height}, {flops.TotalGflop:0.00} GFLOP ({flops.ConvAndMatMulGflop:0.00} conv/matmul) in {flops.Nodes} nodes");
            foreach (var (op, g) in flops.GflopByOp.OrderByDescending(p => p.Value).Take(8)) Console.WriteLine($"  {op}: {g:0.000}");
        }
        var best = MachineLimit.MeasurePeak(2048, Environment.ProcessorCount, 5);
        Console.WriteLine($"peak fp32 MatMul: best {best.BestGflops:0.0} GFLOP/s, median {best.MedianGflops:0.0}; theoretical {cpu.TheoreticalGflops:0}");
        foreach (var p in MachineLimit.MeasureOtherPrecisions(2048, Environment.ProcessorCount, 3))
            Console.WriteLine($"{p.Name}: {(p.Error ?? $"best {p.BestGops:0.0} G ops/s")}");
        return 0;
    }

    case "hostile":
    {
        if (options.Cli != null) Child.CliPath = Path.GetFullPath(options.Cli);
        var fixtures = Fixtures.Create(work, repo, data, folderCount: 0);
        var hostile = await HostileLoad.RunAsync(options, fixtures, env);
        var section = Report.Hostile(hostile, cpu, options);
        Report.Write(resultsFile, "hostile-" + options.Label, section);
        await File.WriteAllTextAsync(JsonPath(resultsFile, $"hostile-{options.Label}.json"), JsonSerializer.Serialize(hostile, Report.Json));
        Console.WriteLine(section);
        return 0;
    }

    case "video":
    {
        var clock = Stopwatch.StartNew();
        if (options.Cli != null) Child.CliPath = Path.GetFullPath(options.Cli);
        var runs = VideoRuns.Measure(options, repo, work, env);
        var markdown = VideoRuns.Report(runs, cpu, options, clock.Elapsed);
        var section = options.VideoPart == "speed" ? $"video-speed-{options.Label}" : "video";
        Report.Write(resultsFile, section, markdown);
        await File.WriteAllTextAsync(JsonPath(resultsFile, section + ".json"), JsonSerializer.Serialize(new { cpu, runs, finished = DateTime.UtcNow }, Report.Json));
        Console.WriteLine(markdown);
        return runs.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    case "video-profile":
    {
        var steps = VideoProfile.Measure(options, repo, work);
        var markdown = VideoProfile.Report(steps, cpu, options);
        Report.Write(resultsFile, "video-profile", markdown);
        Console.WriteLine(markdown);
        return 0;
    }

    case "soak":
    {
        var fixtures = Fixtures.Create(work, repo, data, folderCount: 0);
        var soak = await Soak.RunAsync(options, fixtures, env);
        Report.Write(resultsFile, "soak", Report.Soak(soak, cpu, options));
        await File.WriteAllTextAsync(JsonPath(resultsFile, "soak.json"), JsonSerializer.Serialize(soak, Report.Json));
        Console.WriteLine(Report.Soak(soak, cpu, options));
        return soak.Unanswered == 0 && soak.UnexpectedStatuses == 0 ? 0 : 1;
    }

    default:
    {
        var clock = Stopwatch.StartNew();
        var fixtures = Fixtures.Create(work, repo, data, Math.Max(options.FolderCount, options.ReferenceFolderCount));
        Console.WriteLine($"fixtures in {fixtures.Root}: {fixtures.FolderSource}");
        var peak = MachineLimit.MeasurePeak(2048, Environment.ProcessorCount, 5);
        Console.WriteLine($"peak fp32 MatMul 2048^3: best {peak.BestGflops:0.0} GFLOP/s");
        var precisions = MachineLimit.MeasureOtherPrecisions(2048, Environment.ProcessorCount, 3);
        var runs = new List<ModelRun>();
        // The machine is shared: the peak is measured again after each model's in-process part, and the best one kept.
        var peaks = new List<MachineLimit.Peak> { peak };
        void Remeasure() => peaks.Add(MachineLimit.MeasurePeak(2048, Environment.ProcessorCount, 3));
        runs.Add(await ModelRun.MeasureAsync(options.Model, options.Runs, options.FolderCount, options.ServeRequests, options, fixtures, env,
            variants: !options.SkipVariants, threads2: true, afterInProcess: Remeasure));
        if (options.Reference != null)
            runs.Add(await ModelRun.MeasureAsync(options.Reference, options.ReferenceRuns, options.ReferenceFolderCount,
                options.ReferenceServeRequests, options, fixtures, env, variants: false, threads2: false, afterInProcess: Remeasure));
        peak = new MachineLimit.Peak(2048, Environment.ProcessorCount, peaks.Max(p => p.BestGflops), Stats.Of(peaks.Select(p => p.MedianGflops)).Median);
        Console.WriteLine($"peak fp32 over the run: best {peak.BestGflops:0.0} GFLOP/s");
        var markdown = Report.All(runs, cpu, peak, precisions, fixtures, options, clock.Elapsed);
        // The shipped default keeps the section "all"; another --model gets its own, so both can stand in results.md.
        var name = options.Model == "default" ? "" : "-" + Path.GetFileNameWithoutExtension(options.Model);
        Report.Write(resultsFile, "all" + name, markdown);
        await File.WriteAllTextAsync(JsonPath(resultsFile, $"bench{name}.json"),
            JsonSerializer.Serialize(new { cpu, peak, precisions, runs, finished = DateTime.UtcNow }, Report.Json));
        Console.WriteLine(markdown);
        return 0;
    }
}

// Raw figures go to results/NAME beside the markdown file (bench/results/ for bench/results.md).
static string JsonPath(string resultsFile, string name)
{
    var folder = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsFile))!, "results");
    Directory.CreateDirectory(folder);
    return Path.Combine(folder, name);
}

static class Repo
{
    public static string Root { get; } = Find();

    static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Cutout.slnx"))) return dir.FullName;
        throw new InvalidOperationException("Cutout.slnx not found above the current folder");
    }
}
