using Cutout.Training.Native;

namespace Cutout.Train;

/// <summary><c>cutout-train doctor</c>: checks that libtorch's training kernels give finite, repeatable results on this CPU.</summary>
public static class DoctorCommand
{
    public const string Help = """
        cutout-train doctor [--arch unet-resnet18] [--size 64] [--batch 2] [--repeats 10] [--threads 1,2]
          Runs forward + backward on one fixed batch, again and again, per thread count, with oneDNN off and on.
          Exit 0: every result finite and repeatable; 3: a non-finite value or a spread beyond rounding (libtorch's
          kernels misbehave on this CPU: see docs/training.md, "Non-finite losses").
        """;

    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var architecture = a.String("arch", "unet-resnet18");
        int size = a.Int("size", 64), batch = a.Int("batch", 2), repeats = a.Int("repeats", 10);
        var threads = a.String("threads", $"1,{Environment.ProcessorCount}").Split(',').Select(int.Parse).Distinct().ToList();
        a.RejectUnknown();
        Console.WriteLine(TorchRuntime.Describe());
        Console.WriteLine($"{architecture}, {batch} x 3 x {size} x {size}, {repeats} forward + backward passes per setting");
        Console.WriteLine("threads  oneDNN  non-finite  gradient norm (min..max)  loss vs first setting");
        bool healthy = true;
        foreach (var r in KernelCheck.Run(architecture, size, batch, repeats, threads))
        {
            bool spread = r.MaxGradientNorm - r.MinGradientNorm > 1e-3 * r.MaxGradientNorm || r.MaxLossDifference > 1e-3;
            healthy &= r.NonFinite == 0 && !spread;
            Console.WriteLine($"{r.Threads,7}  {(r.OneDnn ? "on" : "off"),6}  {r.NonFinite,4} of {r.Runs,-3}  {r.MinGradientNorm,11:G6}..{r.MaxGradientNorm,-11:G6}  {r.MaxLossDifference:G3}");
        }
        Console.WriteLine(healthy ? "healthy: every pass finite and repeatable" : "NOT healthy: libtorch gives non-finite or unrepeatable results here");
        return healthy ? 0 : 3;
    }
}
