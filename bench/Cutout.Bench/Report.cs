using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Cutout.Bench;

/// <summary>Markdown for bench/results.md; each command rewrites only its own marked section.</summary>
static class Report
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, IncludeFields = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    static string F(double v, string format = "0.0") => double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);

    public static string All(List<ModelRun> runs, MachineLimit.Cpu cpu, MachineLimit.Peak peak, List<MachineLimit.TypedPeak> precisions, Fixtures fixtures, Options options, TimeSpan took)
    {
        var s = runs[0];
        var r = runs.Count > 1 ? runs[1] : null;
        var md = new StringBuilder();
        md.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, took {took.TotalMinutes:0.0} min. CPU: **{cpu.Model}**, {cpu.Cores} cores " +
                      $"at {F(cpu.MHz, "0")} MHz (AVX-512: {(cpu.Avx512 ? "yes" : "no")}); load average at start {cpu.LoadAverage} " +
                      "(absolute times depend on what else the machine runs; the ratios compare runs made side by side).");
        md.AppendLine();
        md.AppendLine($"Shipped model: `{s.Name}` → `{System.IO.Path.GetFileName(s.Path)}` ({s.InputWidth}x{s.InputHeight}, {F(s.FileMb)} MB)" +
                      (r is null ? "" : $"; reference: `{r.Name}` → `{System.IO.Path.GetFileName(r.Path)}` ({r.InputWidth}x{r.InputHeight}, {F(r.FileMb)} MB)") + ".");
        md.AppendLine($"Inputs: `astronaut.png` resized to a 1024x768 and a 4000x3000 JPEG; folder: {fixtures.FolderSource}. " +
                      $"End to end = `BackgroundRemover.Remove` (decode, infer, clean alpha + edge-matting refine, PNG encode), median of {s.OneMp.Runs} " +
                      $"(reference {r?.OneMp.Runs}) runs after one warm-up.");
        md.AppendLine();
        md.AppendLine($"| figure | {s.Name} | {r?.Name ?? "reference"} | shipped advantage |");
        md.AppendLine("|---|---|---|---|");
        // advantage: how many times better the shipped model is (reference / shipped for times, memory and FLOPs;
        // shipped / reference for throughputs); empty for rows where a ratio means nothing.
        void Row(string name, Func<ModelRun, double> value, string format = "0.0", bool ratio = true, bool higherIsBetter = false)
        {
            var a = value(s);
            var b = r is null ? double.NaN : value(r);
            var advantage = higherIsBetter ? a / b : b / a;
            md.AppendLine($"| {name} | {F(a, format)} | {F(b, format)} | {(ratio && r != null ? F(advantage, "0.0") + "x" : "")} |");
        }
        Row("FLOPs per image (GFLOP, from the ONNX graph)", m => m.Flops.TotalGflop, "0.00");
        Row("model-only latency, median (ms)", m => m.OneMp.ModelMs.Median);
        Row("inference rate achieved (GFLOP/s)", m => m.Flops.TotalGflop / (m.OneMp.ModelMs.Median / 1000), "0.0", ratio: false);
        Row("... fastest run (GFLOP/s)", m => m.Flops.TotalGflop / (m.OneMp.ModelMs.Min / 1000), "0.0", ratio: false);
        Row($"... as % of measured peak ({F(peak.BestGflops, "0")} GFLOP/s)", m => 100 * m.Flops.TotalGflop / (m.OneMp.ModelMs.Median / 1000) / peak.BestGflops, "0", ratio: false);
        Row("end to end 1 MP with --refine, median (ms)", m => m.OneMp.TotalMs.Median);
        Row("end to end 1 MP with --refine, p90 (ms)", m => m.OneMp.TotalMs.P90);
        Row("end to end 1 MP without refine, median (ms)", m => m.OneMpNoRefine.TotalMs.Median);
        Row("... of which decode (ms)", m => m.OneMp.DecodeMs.Median, ratio: false);
        Row("... of which pre-process + infer + upscale matte (ms)", m => m.OneMp.PredictMs.Median, ratio: false);
        Row("... of which matte steps (clean alpha, refine) (ms)", m => m.OneMp.PostMs.Median, ratio: false);
        Row("... of which compose + PNG encode (ms)", m => m.OneMp.RenderMs.Median, ratio: false);
        Row("end to end 12 MP with --refine, median (ms)", m => m.TwelveMp.TotalMs.Median, "0");
        Row("... of which decode (ms)", m => m.TwelveMp.DecodeMs.Median, "0", ratio: false);
        Row("... of which pre-process + infer + upscale matte (ms)", m => m.TwelveMp.PredictMs.Median, "0", ratio: false);
        Row("... of which matte steps (clean alpha, refine) (ms)", m => m.TwelveMp.PostMs.Median, "0", ratio: false);
        Row("... of which compose + PNG encode (ms)", m => m.TwelveMp.RenderMs.Median, "0", ratio: false);
        Row("`cutout remove` folder, images/s (wall, incl. start-up)", m => m.Folder.ImagesPerSecond, "0.00", higherIsBetter: true);
        Row("... images in that folder run", m => m.Folder.Images, "0", ratio: false);
        if (s.FolderThreads2 is { } t2)
            md.AppendLine($"| ... with `--threads {t2.Threads}` ({s.Name} only), images/s | {F(t2.ImagesPerSecond, "0.00")} | | |");
        Row("`cutout remove` 12 MP peak RSS (MB)", m => m.Memory12Mp.PeakRssMb, "0");
        Row("`cutout remove --refine` 12 MP peak RSS (MB)", m => m.Memory12MpRefine.PeakRssMb, "0");
        Row($"`cutout serve` 1 MP at concurrency {options.ServeConcurrency}, requests/s", m => m.Serve.RequestsPerSecond, "0.00", higherIsBetter: true);
        Row("... p50 latency (ms)", m => m.Serve.LatencyMs.Median, "0");
        Row("... p99 latency (ms)", m => m.Serve.LatencyMs.P99, "0");
        Row("... requests sent", m => m.Serve.Requests, "0", ratio: false);
        Row("... answered 200", m => m.Serve.Ok, "0", ratio: false);
        Row("... server peak RSS (MB)", m => m.Serve.PeakRssMb, "0");
        if (s.ServePerCore is { } pc)
            md.AppendLine($"| ... with `cutout serve --concurrency {Environment.ProcessorCount} --threads 1` ({s.Name} only): requests/s, p50, p99 | " +
                          $"{F(pc.RequestsPerSecond, "0.00")}, {F(pc.LatencyMs.Median, "0")} ms, {F(pc.LatencyMs.P99, "0")} ms | | |");
        Row("model load (ms)", m => m.LoadMs, "0");
        md.AppendLine();

        md.AppendLine("Targets (shipped model):");
        md.AppendLine();
        md.AppendLine("| target | measured | met |");
        md.AppendLine("|---|---|---|");
        void Target(string name, double value, double limit, bool atMost, string unit)
        {
            var met = atMost ? value <= limit : value >= limit;
            md.AppendLine($"| {name} {(atMost ? "≤" : "≥")} {F(limit, "0.###")} {unit} | {F(value, "0.00")} {unit} | {(met ? "yes" : "**no**")} |");
        }
        Target("end to end 1 MP median", s.OneMp.TotalMs.Median, 250, true, "ms");
        Target("end to end 12 MP median", s.TwelveMp.TotalMs.Median / 1000, 2, true, "s");
        Target("`cutout remove` folder of 1 MP photos", Math.Max(s.Folder.ImagesPerSecond, s.FolderThreads2?.ImagesPerSecond ?? 0), 5, false, "images/s");
        if (r != null) Target("speed-up over IS-Net, end to end 1 MP", r.OneMp.TotalMs.Median / s.OneMp.TotalMs.Median, 10, false, "x");
        Target("`cutout remove` 12 MP peak RSS (with --refine)", Math.Max(s.Memory12Mp.PeakRssMb, s.Memory12MpRefine.PeakRssMb), 1024, true, "MB");
        md.AppendLine();

        if (s.Variants.Count > 0)
        {
            md.AppendLine($"ONNX Runtime settings, model-only on `{s.Name}` (raw sessions, same input, {s.Variants[0].LatencyMs.Count} runs each):");
            md.AppendLine();
            md.AppendLine("| session | median ms | p90 ms | images/s |");
            md.AppendLine("|---|---|---|---|");
            foreach (var v in s.Variants)
                md.AppendLine($"| {v.Name} | {F(v.LatencyMs.Median)} | {F(v.LatencyMs.P90)} | {F(v.ImagesPerSecond, "0.00")} |");
            md.AppendLine();
        }
        if (s.Encoders.Count > 0)
        {
            md.AppendLine("Encoding the 1 MP cut-out (straight RGBA, the model's alpha), median of 3:");
            md.AppendLine();
            md.AppendLine("| encoder | ms | kB |");
            md.AppendLine("|---|---|---|");
            foreach (var e in s.Encoders) md.AppendLine($"| {e.Name} | {F(e.Ms)} | {F(e.Kb, "0")} |");
            md.AppendLine();
        }
        md.AppendLine($"Peak: fp32 MatMul {peak.Size}³ through ONNX Runtime (MLAS), {peak.Threads} threads, measured before and after each " +
                      $"model's in-process runs: best {F(peak.BestGflops)} GFLOP/s, median {F(peak.MedianGflops)}; paper peak {F(cpu.TheoreticalGflops, "0")} GFLOP/s ({cpu.Cores} cores x {F(cpu.MHz / 1000, "0.0")} GHz x 2 FMA x {(cpu.Avx512 ? 16 : 8)} lanes x 2).");
        md.AppendLine();
        md.AppendLine("Same 2048³ product in other precisions (what an fp16 or int8 variant of the model could reach at best): " +
                      string.Join("; ", precisions.Select(p => $"{p.Name}: " + (p.Error is null ? $"{F(p.BestGops)} G ops/s ({F(p.BestGops / peak.BestGflops, "0.0")}x fp32)" : $"not available ({p.Error})"))) + ".");
        md.AppendLine();
        foreach (var m in runs)
            md.AppendLine($"FLOPs of `{m.Name}` by op (GFLOP): " + string.Join(", ",
                m.Flops.GflopByOp.OrderByDescending(p => p.Value).Take(6).Select(p => $"{p.Key} {F(p.Value, "0.000")}")) + $" ({m.Flops.Nodes} nodes).");
        return md.ToString();
    }

    public static string Soak(Soak.Result r, MachineLimit.Cpu cpu, Options options)
    {
        var md = new StringBuilder();
        md.AppendLine($"Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {cpu.Model} ({cpu.Cores} cores, load {cpu.LoadAverage}); model `{r.Model}`; " +
                      $"`cutout serve` with its default limits, {r.Requests} requests at concurrency {r.Concurrency} over loopback, raw-body POSTs.");
        md.AppendLine();
        md.AppendLine("| figure | value |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| requests / unanswered (transport error or timeout) | {r.Requests} / {r.Unanswered} |");
        md.AppendLine($"| answers with a status outside 200, 400, 413, 415, 503 | {r.UnexpectedStatuses} |");
        md.AppendLine($"| duration | {F(r.Seconds, "0")} s ({F(r.Requests / r.Seconds, "0.0")} requests/s) |");
        md.AppendLine($"| good images: p50 / p99 latency | {F(r.GoodLatencyMs.Median, "0")} / {F(r.GoodLatencyMs.P99, "0")} ms |");
        md.AppendLine($"| RSS after warm-up ({r.WarmupRequests} requests) / at the end / max | {F(r.RssAfterWarmupMb, "0")} / {F(r.RssEndMb, "0")} / {F(r.RssMaxMb, "0")} MB |");
        md.AppendLine($"| RSS growth after warm-up (target < 10 %) | {F(r.GrowthPercent, "0.0")} % ({(r.GrowthPercent < 10 ? "met" : "**not met**")}) |");
        md.AppendLine();
        md.AppendLine("| input kind | answers (status: count) |");
        md.AppendLine("|---|---|");
        foreach (var (kind, statuses) in r.StatusesByKind.OrderBy(k => k.Key))
            md.AppendLine($"| {kind} | {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))} |");
        if (r.FirstErrors.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("First failures: " + string.Join("; ", r.FirstErrors));
        }
        return md.ToString();
    }

    public static string Hostile(HostileLoad.Result r, MachineLimit.Cpu cpu, Options options)
    {
        var md = new StringBuilder();
        md.AppendLine($"**{r.Label}** — run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {cpu.Model} ({cpu.Cores} cores, load {cpu.LoadAverage}); " +
                      $"model `{options.Model}`; `cutout serve` from `{r.Cli}` with its default limits, raw-body POSTs over loopback.");
        md.AppendLine();
        md.AppendLine("| hostile upload | size | status | server CPU s per request | wall ms per request |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var c in r.Costs)
            md.AppendLine($"| {c.Kind} | {F(c.Bytes / (1024 * 1024), "0.0")} MB | {c.Status} | {F(c.CpuSecondsPerRequest, "0.000")} | {F(c.WallMsPerRequest, "0")} |");
        md.AppendLine();
        md.AppendLine("| figure | value |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| attack: {r.Attackers} clients sending the kinds above back to back for {r.AttackSeconds} s: sent / answered | {r.AttackSent} / {r.AttackAnswered} ({string.Join(", ", r.AttackStatuses.Select(s => $"{s.Key}: {s.Value}"))}) |");
        md.AppendLine($"| `/healthz` during the attack: answered / failed or timed out | {r.HealthMs.Count} / {r.HealthFailed} |");
        md.AppendLine($"| `/healthz` latency p50 / p99 / max | {F(r.HealthMs.Median, "0")} / {F(r.HealthMs.P99, "0")} / {F(r.HealthMs.Max, "0")} ms |");
        md.AppendLine($"| mixed: {r.MixedRequests} requests at concurrency {r.Concurrency}, every fourth hostile: duration | {F(r.MixedSeconds, "0.0")} s |");
        md.AppendLine($"| ... normal 1 MP uploads answered 200, requests/s | {r.NormalAnswered}, {F(r.NormalPerSecond, "0.00")} /s |");
        md.AppendLine($"| ... normal p50 / p99 latency | {F(r.NormalMs.Median, "0")} / {F(r.NormalMs.P99, "0")} ms |");
        md.AppendLine($"| ... hostile answers | {string.Join(", ", r.HostileStatuses.Select(s => $"{s.Key}: {s.Value}"))} |");
        md.AppendLine($"| reference, same run: {r.CleanRequests} normal uploads alone: requests/s, p50 / p99 | {F(r.CleanPerSecond, "0.00")} /s, {F(r.CleanMs.Median, "0")} / {F(r.CleanMs.P99, "0")} ms |");
        md.AppendLine($"| normal requests/s with a quarter hostile, as a share of the reference | {F(100 * r.NormalPerSecond / r.CleanPerSecond, "0")} % |");
        md.AppendLine($"| server peak RSS over the run | {F(r.PeakRssMb, "0")} MB |");
        return md.ToString();
    }

    /// <summary>Replaces the text between &lt;!-- bench:NAME:begin --&gt; and its end marker, or appends a new section.</summary>
    public static void Write(string file, string name, string body)
    {
        var begin = $"<!-- bench:{name}:begin -->";
        var end = $"<!-- bench:{name}:end -->";
        var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmark results\n";
        var block = begin + "\n" + body.TrimEnd() + "\n" + end;
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i
            ? text[..i] + block + text[(j + end.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(file, text);
    }
}
