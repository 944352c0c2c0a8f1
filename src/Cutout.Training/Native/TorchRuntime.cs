using System.Text.RegularExpressions;
using TorchSharp;

namespace Cutout.Training.Native;

/// <summary>What libtorch runs with here: version, kernels chosen for this CPU, threads. Printed at the start of training.</summary>
public static partial class TorchRuntime
{
    public static string Describe()
    {
        var config = LibTorchNative.BuildConfig();
        string Find(Regex pattern) => pattern.Match(config) is { Success: true } m ? m.Groups[1].Value.Trim() : "unknown";
        var overrides = new[] { "ATEN_CPU_CAPABILITY", "DNNL_MAX_CPU_ISA", "OMP_NUM_THREADS", "MKL_NUM_THREADS", OneDnnPolicy.Variable }
            .Where(v => Environment.GetEnvironmentVariable(v) is not null)
            .Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}");
        return $"libtorch {torch.__version__}, CPU capability {Find(CapabilityLine())}, oneDNN {Find(OneDnnLine())}" +
               $" ({(LibTorchNative.OneDnnEnabled ? "on" : "off")}{(_oneDnnReason is null ? "" : ": " + _oneDnnReason)}), {torch.get_num_threads()} threads" +
               $" (interop {torch.get_num_interop_threads()}), CPU {CpuModel()}" +
               (overrides.Any() ? $", {string.Join(", ", overrides)}" : "");
    }

    static string? _oneDnnReason;

    /// <summary>Turns oneDNN's kernels on or off as <see cref="OneDnnPolicy"/> decides for this CPU and environment,
    /// turns NNPACK off where it cannot start, and keeps large blocks in the heap (<see cref="HeapTuning"/>).</summary>
    public static void ApplyEnvironment()
    {
        HeapTuning.KeepLargeBlocksInHeap();
        // Where NNPACK cannot start (a CPU that hides its caches) libtorch 2.10 tries it again for every convolution
        // and logs "Could not initialize NNPACK" each time: over 10,000 lines a run.
        var cachesReported = CpuCacheTopology.Reported();
        LibTorchNative.NnpackEnabled = cachesReported;
        (LibTorchNative.OneDnnEnabled, _oneDnnReason) =
            OneDnnPolicy.Decide(Environment.GetEnvironmentVariable(OneDnnPolicy.Variable), cachesReported);
    }

    static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"));
            return line?[(line.IndexOf(':') + 1)..].Trim() ?? System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException) { return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(); }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    [GeneratedRegex(@"CPU capability usage:\s*(\S+)")]
    private static partial Regex CapabilityLine();

    [GeneratedRegex(@"MKL-DNN\s+(v[\d.]+)")]
    private static partial Regex OneDnnLine();
}
