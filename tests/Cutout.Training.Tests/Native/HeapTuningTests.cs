using System.Runtime.InteropServices;
using Cutout.Training.Native;
using Xunit;

namespace Cutout.Training.Tests.Native;

public class HeapTuningTests
{
    [StructLayout(LayoutKind.Sequential)]
    struct MallInfo2
    {
        public nuint Arena, OrdBlks, SmBlks, HBlks, HBlkHd, UsmBlks, FsmBlks, UordBlks, FordBlks, KeepCost;
    }

    [DllImport("libc", EntryPoint = "mallinfo2")]
    static extern MallInfo2 MallInfo();

    [DllImport("libc", EntryPoint = "malloc")]
    static extern IntPtr Malloc(nuint size);

    [DllImport("libc", EntryPoint = "free")]
    static extern void Free(IntPtr block);

    [Fact]
    public void A_block_the_size_of_an_im2col_buffer_comes_from_the_heap_not_from_its_own_mapping()
    {
        if (!OperatingSystem.IsLinux()) return;
        Assert.True(HeapTuning.KeepLargeBlocksInHeap());
        var mappedBefore = MallInfo().HBlkHd;
        var block = Malloc(24 << 20);
        try
        {
            Assert.NotEqual(IntPtr.Zero, block);
            Assert.Equal(mappedBefore, MallInfo().HBlkHd);
        }
        finally { Free(block); }
    }
}
