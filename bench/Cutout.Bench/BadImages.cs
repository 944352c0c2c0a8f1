using System.Text;

namespace Cutout.Bench;

/// <summary>Broken inputs for the soak, made from a real JPEG and PNG at run time.</summary>
static class BadImages
{
    public static byte[] Truncated(byte[] image) => image[..(image.Length / 2)];

    public static byte[] Text => Encoding.UTF8.GetBytes("This is a text file, not an image.\n");

    public static byte[] Garbage(int seed, int length = 4096)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid PNG header claiming width x height RGB8 with almost no pixel data.</summary>
    public static byte[] PngClaiming(int width, int height) => Cutout.Tests.PngWriter.LyingHeader(width, height);
}
