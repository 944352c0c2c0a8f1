namespace Cutout.Video;

/// <summary>8-bit luma (BT.601 weights) of an RGBA frame: what "the picture changed here" is judged on.</summary>
public static class FrameLuma
{
    public static byte[] Of(byte[] rgba) => Of(rgba, GC.AllocateUninitializedArray<byte>(rgba.Length / 4));

    /// <summary>Writes the luma of <paramref name="rgba"/> into <paramref name="luma"/> (one byte a pixel) and returns it.</summary>
    public static byte[] Of(byte[] rgba, byte[] luma)
    {
        if (luma.Length != rgba.Length / 4) throw new ArgumentException($"{luma.Length} luma bytes do not fit {rgba.Length / 4} pixels.");
        for (int i = 0, j = 0; i < luma.Length; i++, j += 4)
            luma[i] = (byte)((77 * rgba[j] + 150 * rgba[j + 1] + 29 * rgba[j + 2] + 128) >> 8);
        return luma;
    }
}
