using System.Runtime.InteropServices;

namespace Cutout.Training.Native;

/// <summary>
/// Keeps large blocks in glibc's heap. libtorch's own convolutions (used where oneDNN is off) allocate and free tens of
/// megabytes of im2col buffers per layer and batch; above glibc's mmap threshold each one is mapped, page-faulted in and
/// unmapped again. Measured here: 6 training batches at 224 px took 126 CPU s without this, 48 with it.
/// </summary>
public static partial class HeapTuning
{
    const int TrimThreshold = -1, MmapThreshold = -3;

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int MallOpt(int parameter, int value);

    /// <returns>whether glibc took the settings (false off Linux or on another C library).</returns>
    public static bool KeepLargeBlocksInHeap()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return MallOpt(MmapThreshold, 1 << 30) == 1 && MallOpt(TrimThreshold, int.MaxValue) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
