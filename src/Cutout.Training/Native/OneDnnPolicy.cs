namespace Cutout.Training.Native;

/// <summary>
/// Whether training may use oneDNN's kernels: CUTOUT_TRAIN_ONEDNN=0 or 1 decides; unset, oneDNN is on unless the CPU
/// hides its cache hierarchy (<see cref="CpuCacheTopology"/>), where its convolutions compute wrong gradients and
/// libtorch's own kernels (about 3.5x the CPU time) are the correct choice.
/// </summary>
public static class OneDnnPolicy
{
    public const string Variable = "CUTOUT_TRAIN_ONEDNN";

    /// <returns>whether oneDNN is on, and why when that is not the default.</returns>
    public static (bool Enabled, string? Reason) Decide(string? setting, bool cachesReported) => setting?.Trim() switch
    {
        "0" => (false, $"{Variable}=0"),
        "1" => (true, cachesReported ? null : $"{Variable}=1, although this CPU reports no cache hierarchy"),
        _ when !cachesReported => (false, $"this CPU reports no cache hierarchy, where oneDNN's gradients are wrong; {Variable}=1 forces it on"),
        _ => (true, null),
    };
}
