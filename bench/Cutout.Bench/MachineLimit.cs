using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace Cutout.Bench;

/// <summary>What this machine can do at best (a large fp32 MatMul through ONNX Runtime) and what a model asks of it.</summary>
static class MachineLimit
{
    public sealed record Cpu(string Model, int Cores, double MHz, bool Avx512, bool Fma, string LoadAverage)
    {
        /// <summary>Cores x clock x 2 FMA units x (16 fp32 lanes with AVX-512, 8 with AVX2) x 2 FLOP per FMA.</summary>
        public double TheoreticalGflops => Cores * MHz / 1000.0 * 2 * (Avx512 ? 16 : 8) * 2;
    }

    public static Cpu ReadCpu()
    {
        var text = File.Exists("/proc/cpuinfo") ? File.ReadAllText("/proc/cpuinfo") : "";
        string Field(string name) => text.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal))?
            .Split(':', 2)[1].Trim() ?? "?";
        var flags = Field("flags").Split(' ');
        double.TryParse(Field("cpu MHz"), System.Globalization.CultureInfo.InvariantCulture, out var mhz);
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return new Cpu(Field("model name"), Environment.ProcessorCount, mhz, flags.Contains("avx512f"), flags.Contains("fma"), load);
    }

    public sealed record Peak(int Size, int Threads, double BestGflops, double MedianGflops);

    /// <summary>fp32 MatMul n x n x n through ORT (2 n^3 FLOP per run), best and median of the runs.</summary>
    public static Peak MeasurePeak(int n, int threads, int runs)
    {
        var model = OnnxWriter.SingleNodeModel("MatMul", [("A", [n, n]), ("B", [n, n])], ("C", [n, n]));
        using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(model, options);
        var random = new Random(1);
        var a = new float[n * n];
        var b = new float[n * n];
        for (var i = 0; i < a.Length; i++) { a[i] = (float)random.NextDouble(); b[i] = (float)random.NextDouble(); }
        using var va = OrtValue.CreateTensorValueFromMemory(a, [n, n]);
        using var vb = OrtValue.CreateTensorValueFromMemory(b, [n, n]);
        using var runOptions = new RunOptions();
        var flop = 2.0 * n * n * n;
        var rates = new List<double>();
        for (var r = 0; r < runs + 1; r++)
        {
            var clock = Stopwatch.StartNew();
            using var outputs = session.Run(runOptions, ["A", "B"], [va, vb], ["C"]);
            var seconds = clock.Elapsed.TotalSeconds;
            if (r > 0) rates.Add(flop / seconds / 1e9);   // the first run warms up
        }
        return new Peak(n, threads, rates.Max(), Stats.Of(rates).Median);
    }

    public sealed record TypedPeak(string Name, double BestGops, string? Error);

    /// <summary>
    /// The same n^3 product in the precisions a quantised or half-precision model would use: fp16 MatMul and int8
    /// MatMulInteger (u8 x s8 -> s32, the kernel ONNX Runtime's dynamic/QDQ quantisation uses), as ops per second.
    /// A precision whose kernel this ONNX Runtime build lacks on this CPU reports the error instead.
    /// </summary>
    public static List<TypedPeak> MeasureOtherPrecisions(int n, int threads, int runs)
    {
        var list = new List<TypedPeak>();
        list.Add(Typed("fp16 MatMul", n, threads, runs, "MatMul", OnnxWriter.Float16, OnnxWriter.Float16, OnnxWriter.Float16,
            shape => OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, n * n).Select(i => (Float16)(i % 7 * 0.1f)).ToArray(), shape)));
        list.Add(Typed("int8 MatMulInteger (u8 x s8)", n, threads, runs, "MatMulInteger", OnnxWriter.UInt8, OnnxWriter.Int8, OnnxWriter.Int32,
            shape => OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, n * n).Select(i => (byte)(i % 7)).ToArray(), shape),
            shape => OrtValue.CreateTensorValueFromMemory(Enumerable.Range(0, n * n).Select(i => (sbyte)(i % 5 - 2)).ToArray(), shape)));
        return list;
    }

    static TypedPeak Typed(string name, int n, int threads, int runs, string op, int typeA, int typeB, int typeC,
                           Func<long[], OrtValue> makeA, Func<long[], OrtValue>? makeB = null)
    {
        try
        {
            var model = OnnxWriter.SingleNodeModel(op, [("A", [n, n], typeA), ("B", [n, n], typeB)], ("C", [n, n], typeC), opset: 13);
            using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            using var session = new InferenceSession(model, options);
            using var a = makeA([n, n]);
            using var b = (makeB ?? makeA)([n, n]);
            using var runOptions = new RunOptions();
            var best = 0.0;
            for (var r = 0; r < runs + 1; r++)
            {
                var clock = Stopwatch.StartNew();
                using var outputs = session.Run(runOptions, ["A", "B"], [a, b], ["C"]);
                if (r > 0) best = Math.Max(best, 2.0 * n * n * n / clock.Elapsed.TotalSeconds / 1e9);
            }
            return new TypedPeak(name, best, null);
        }
        catch (OnnxRuntimeException e)
        {
            return new TypedPeak(name, double.NaN, e.Message.Split('\n')[0]);
        }
    }

    public sealed record Flops(double ConvAndMatMulGflop, double OtherGflop, int Nodes, Dictionary<string, double> GflopByOp)
    {
        public double TotalGflop => ConvAndMatMulGflop + OtherGflop;
    }

    /// <summary>
    /// FLOP per image, counted node by node on the model's own ONNX graph (optimisations off, so nothing is fused or
    /// re-laid out) with the tensor shapes ONNX Runtime's profiler records for one real run:
    /// Conv = 2 * Cin/groups * kh * kw * Cout * Hout * Wout (W is [Cout, Cin/groups, kh, kw]), plus one add per output for a bias;
    /// ConvTranspose = 2 * Hin * Win * |W|; MatMul/Gemm = 2 * M * K * N; every other node one FLOP per output element.
    /// </summary>
    public static Flops CountFlops(string onnxPath, ModelSpec spec, string workDir)
    {
        Directory.CreateDirectory(workDir);
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_DISABLE_ALL,
            EnableProfiling = true,
            ProfileOutputPathPrefix = Path.Combine(workDir, "flops-profile"),
        };
        using var session = new InferenceSession(onnxPath, options);
        var input = new float[3 * spec.Width * spec.Height];
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, spec.Height, spec.Width]);
        using var runOptions = new RunOptions();
        using (session.Run(runOptions, [spec.Input], [value], [spec.Output])) { }
        var profile = session.EndProfiling();
        try
        {
            return FromProfile(File.ReadAllText(profile));
        }
        finally
        {
            File.Delete(profile);
        }
    }

    static Flops FromProfile(string json)
    {
        using var doc = JsonDocument.Parse(json);
        double heavy = 0, other = 0;
        var nodes = 0;
        var byOp = new Dictionary<string, double>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.GetProperty("cat").GetString() != "Node") continue;
            if (!e.GetProperty("name").GetString()!.EndsWith("_kernel_time", StringComparison.Ordinal)) continue;
            var args = e.GetProperty("args");
            var op = args.GetProperty("op_name").GetString()!;
            var inputs = Shapes(args, "input_type_shape");
            var outputs = Shapes(args, "output_type_shape");
            if (outputs.Count == 0) continue;
            nodes++;
            var outElements = Product(outputs[0]);
            double flop;
            switch (op)
            {
                case "Conv" or "FusedConv" when inputs.Count >= 2:
                    flop = 2.0 * Product(inputs[1].Skip(1)) * outElements + (inputs.Count > 2 ? outElements : 0);
                    heavy += flop;
                    break;
                case "ConvTranspose" when inputs.Count >= 2:
                    flop = 2.0 * Product(inputs[0].Skip(2)) * Product(inputs[1]) * inputs[0][0] + (inputs.Count > 2 ? outElements : 0);
                    heavy += flop;
                    break;
                case "MatMul" or "Gemm" or "FusedMatMul" when inputs.Count >= 2:
                    flop = 2.0 * outElements * inputs[0][^1];   // Gemm assumed transA = 0, as exporters write it
                    heavy += flop;
                    break;
                default:
                    flop = outElements;
                    other += flop;
                    break;
            }
            byOp[op] = byOp.GetValueOrDefault(op) + flop / 1e9;
        }
        return new Flops(heavy / 1e9, other / 1e9, nodes, byOp);
    }

    static List<long[]> Shapes(JsonElement args, string name)
    {
        var list = new List<long[]>();
        if (!args.TryGetProperty(name, out var array)) return list;
        foreach (var entry in array.EnumerateArray())
            foreach (var property in entry.EnumerateObject())
                list.Add([.. property.Value.EnumerateArray().Select(d => d.GetInt64())]);
        return list;
    }

    static double Product(IEnumerable<long> dims) => dims.Aggregate(1.0, (p, d) => p * d);
}
