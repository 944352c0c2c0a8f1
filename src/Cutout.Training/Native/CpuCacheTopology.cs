using System.Runtime.Intrinsics.X86;

namespace Cutout.Training.Native;

/// <summary>
/// Whether the CPU describes its caches through the CPUID leaf that cpuinfo (NNPACK) and oneDNN (Xbyak) read:
/// 0x8000001D on AMD, 4 on Intel. Some virtual machines list the leaf and leave it empty; on such a host (seen: AMD EPYC family 26, libtorch also printing "Could not initialize NNPACK! Reason: Unsupported
/// hardware") oneDNN's training convolutions give wrong gradients, and NaN now and then.
/// </summary>
public static class CpuCacheTopology
{
    const int CacheTypeMask = 0x1F;

    /// <summary>True where the leaf lists at least one cache, or the CPU is not x86 or reads its caches elsewhere.</summary>
    public static bool Reported()
    {
        if (!X86Base.IsSupported) return true;
        var vendor = Vendor();
        if (vendor == "AuthenticAMD")
        {
            if ((uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax < 0x8000001D) return true;
            return (X86Base.CpuId(unchecked((int)0x8000001D), 0).Eax & CacheTypeMask) != 0;
        }
        if (vendor == "GenuineIntel" && X86Base.CpuId(0, 0).Eax >= 4)
            return (X86Base.CpuId(4, 0).Eax & CacheTypeMask) != 0;
        return true;
    }

    static string Vendor()
    {
        var (_, ebx, ecx, edx) = X86Base.CpuId(0, 0);
        Span<byte> name = stackalloc byte[12];
        BitConverter.TryWriteBytes(name[..4], ebx);
        BitConverter.TryWriteBytes(name[4..8], edx);
        BitConverter.TryWriteBytes(name[8..], ecx);
        return System.Text.Encoding.ASCII.GetString(name);
    }
}
