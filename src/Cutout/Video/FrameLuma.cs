namespace Cutout.Video;

/// <summary>8-bit luma (BT.601 weights) of an RGBA frame: what "the picture changed here" is judged on.</summary>
public static class FrameLuma
{
    public static byte[] Of(byte[] rgba)
    {
        var luma = GC.AllocateUninitializedArray<byte>(rgba.Length / 4);
        for (int i = 0, j = 0; i < luma.Length; i++, j += 4)
            luma[i] = (byte)((77 * rgba[j] + 150 * rgba[j + 1] + 29 * rgba[j + 2] + 128) >> 8);
        return luma;
    }
}
