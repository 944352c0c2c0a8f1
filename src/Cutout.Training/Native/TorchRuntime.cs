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
        var overrides = new[] { "ATEN_CPU_CAPABILITY", "DNNL_MAX_CPU_ISA", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "CUTOUT_TRAIN_ONEDNN" }
            .Where(v => Environment.GetEnvironmentVariable(v) is not null)
            .Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}");
        return $"libtorch {torch.__version__}, CPU capability {Find(CapabilityLine())}, oneDNN {Find(OneDnnLine())}" +
               $" ({(LibTorchNative.OneDnnEnabled ? "on" : "off")}), {torch.get_num_threads()} threads" +
               $" (interop {torch.get_num_interop_threads()}), CPU {CpuModel()}" +
               (overrides.Any() ? $", {string.Join(", ", overrides)}" : "");
    }

    /// <summary>Turns oneDNN kernels off (slower, a different code path for convolutions) when CUTOUT_TRAIN_ONEDNN=0.</summary>
    public static void ApplyEnvironment()
    {
        if (Environment.GetEnvironmentVariable("CUTOUT_TRAIN_ONEDNN") == "0") LibTorchNative.OneDnnEnabled = false;
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
