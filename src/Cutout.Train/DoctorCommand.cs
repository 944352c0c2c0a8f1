using Cutout.Training.Native;

namespace Cutout.Train;

/// <summary><c>cutout-train doctor</c>: checks that libtorch's training kernels give finite, repeatable results on this CPU.</summary>
public static class DoctorCommand
{
    public const string Help = """
        cutout-train doctor [--arch unet-resnet18] [--size 64] [--batch 2] [--repeats 10] [--threads 1,2]
          Runs forward + backward on one fixed batch, again and again, per thread count, with oneDNN off and on.
          Exit 0: every result finite, repeatable and the same with and without oneDNN; 3: a non-finite value, a
          spread beyond rounding or a oneDNN gradient unlike libtorch's own (libtorch's kernels misbehave on this CPU:
          see docs/training.md, "Non-finite losses"). Also says whether the CPU reports its cache hierarchy.
        """;

    /// <summary>Relative difference beyond float rounding over a forward and backward pass.</summary>
    const double Tolerance = 1e-3;

    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var architecture = a.String("arch", "unet-resnet18");
        int size = a.Int("size", 64), batch = a.Int("batch", 2), repeats = a.Int("repeats", 10);
        var threads = a.String("threads", $"1,{Environment.ProcessorCount}").Split(',').Select(int.Parse).Distinct().ToList();
        a.RejectUnknown();
        TorchRuntime.ApplyEnvironment();
        Console.WriteLine(TorchRuntime.Describe());
        Console.WriteLine($"CPU cache hierarchy (CPUID): {(CpuCacheTopology.Reported() ? "reported" : "NOT reported")}");
        Console.WriteLine($"{architecture}, {batch} x 3 x {size} x {size}, {repeats} forward + backward passes per setting");
        Console.WriteLine("threads  oneDNN  non-finite  gradient norm (min..max)  loss vs first setting  vs oneDNN off");
        bool healthy = true;
        var offNorms = new Dictionary<int, double>();
        foreach (var r in KernelCheck.Run(architecture, size, batch, repeats, threads))
        {
            bool spread = r.MaxGradientNorm - r.MinGradientNorm > Tolerance * r.MaxGradientNorm || r.MaxLossDifference > Tolerance;
            if (!r.OneDnn) offNorms[r.Threads] = r.MaxGradientNorm;
            bool disagrees = r.OneDnn && offNorms.TryGetValue(r.Threads, out var off) &&
                             !(Math.Abs(r.MaxGradientNorm - off) <= Tolerance * off);
            healthy &= r.NonFinite == 0 && !spread && !disagrees;
            Console.WriteLine($"{r.Threads,7}  {(r.OneDnn ? "on" : "off"),6}  {r.NonFinite,4} of {r.Runs,-3}  " +
                              $"{r.MinGradientNorm,11:G6}..{r.MaxGradientNorm,-11:G6}  {r.MaxLossDifference,-21:G3}  " +
                              (r.OneDnn ? disagrees ? "DIFFERENT gradient" : "same" : ""));
        }
        Console.WriteLine(healthy ? "healthy: every pass finite, repeatable, and the same with and without oneDNN"
                                  : "NOT healthy: libtorch gives non-finite, unrepeatable or differing results here");
        return healthy ? 0 : 3;
    }
}
