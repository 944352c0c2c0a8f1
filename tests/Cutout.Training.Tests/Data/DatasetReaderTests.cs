using Cutout.Tests;
using Cutout.Training.Data;
using SkiaSharp;
using Xunit;

namespace Cutout.Training.Tests.Data;

public sealed class DatasetReaderTests : IDisposable
{
    readonly TempFolder root = new("cutout-data-");

    public void Dispose() => root.Dispose();

    [DataFact]
    public void ReadsFolderPairsOfTheSmokeSplit()
    {
        var pairs = DatasetReader.Read(Path.Combine(TestPaths.DataRoot, "people"), "smoke");
        Assert.Equal(5, pairs.Count);
        var samples = DatasetReader.LoadAll(pairs, 128);
        foreach (var s in samples)
        {
            Assert.Equal(128, Math.Max(s.Width, s.Height));
            Assert.Equal(s.Width * s.Height * 3, s.Rgb.Length);
            Assert.All(s.Mask, v => Assert.True(v is 0 or 255));
            Assert.InRange(s.Mask.Count(v => v == 255), 1, s.Mask.Length - 1);
        }
    }

    [DataFact]
    public void SeveralRootsGiveAllTheirPairsOfTheSplit()
    {
        var people = Path.Combine(TestPaths.DataRoot, "people");
        var objects = Path.Combine(TestPaths.DataRoot, "objects");
        var joint = DatasetReader.ReadRoots($"{people}, {objects}", "val");
        var expected = DatasetReader.Read(people, "val").Concat(DatasetReader.Read(objects, "val")).Select(p => p.Id);
        Assert.Equal(expected, joint.Select(p => p.Id));
        Assert.Equal(450, joint.Count);
    }

    [DataFact]
    public void TheSameRootTwiceIsRefusedByName()
    {
        var people = Path.Combine(TestPaths.DataRoot, "people");
        var error = Assert.Throws<DatasetException>(() => DatasetReader.ReadRoots($"{people},{people}", "smoke"));
        Assert.Contains("more than one", error.Message);
    }

    [Fact]
    public void UnmatchedPairsAreListedInOneError()
    {
        WritePng(Path.Combine(root, "images", "a.png"), 8, 8, 10);
        WritePng(Path.Combine(root, "masks", "a.png"), 8, 8, 255);
        WritePng(Path.Combine(root, "images", "lonely.jpg"), 8, 8, 10);
        WritePng(Path.Combine(root, "masks", "orphan.png"), 8, 8, 255);
        var error = Assert.Throws<DatasetException>(() => FolderPairs.Read(root));
        Assert.Contains("lonely.jpg: no mask", error.Message);
        Assert.Contains("orphan.png: no image", error.Message);
        Assert.StartsWith("2 problem(s)", error.Message);
    }

    [Fact]
    public void UnreadableImagesAreListedInOneError()
    {
        WritePng(Path.Combine(root, "images", "good.png"), 8, 8, 10);
        WritePng(Path.Combine(root, "masks", "good.png"), 8, 8, 255);
        File.WriteAllText(Path.Combine(root, "images", "bad.jpg"), "not a picture");
        WritePng(Path.Combine(root, "masks", "bad.png"), 8, 8, 255);
        var error = Assert.Throws<DatasetException>(() => DatasetReader.LoadAll(FolderPairs.Read(root), 64));
        Assert.Contains("bad: ", error.Message);
        Assert.Contains("bad.jpg: not a readable image", error.Message);
    }

    [Fact]
    public void ReadsTheKagglePortraitLayout()
    {
        foreach (var (x, y) in new[] { ("xtrain", "ytrain"), ("xtest", "ytest") })
            for (int i = 0; i < 3; i++)
            {
                WritePng(Path.Combine(root, x, $"{i}.png"), 16, 16, 100);
                WritePng(Path.Combine(root, y, $"{i}.png"), 16, 16, i % 2 == 0 ? (byte)255 : (byte)0);
            }
        var train = DatasetReader.LoadAll(DatasetReader.Read(root, "train"), 64);
        var test = DatasetReader.Read(root, "val");
        Assert.Equal(3, train.Count);
        Assert.Equal(3, test.Count);
        Assert.All(train[0].Mask, v => Assert.Equal(255, v));
        Assert.All(train[1].Mask, v => Assert.Equal(0, v));
    }

    [Fact]
    public void ReadsNpyArraysWithThreeOrFourDimensionalMasks()
    {
        // 2 images of 2x3 pixels; masks 0/1 as N x H x W x 1.
        var images = Enumerable.Range(0, 2 * 2 * 3 * 3).Select(i => (byte)i).ToArray();
        var masks = new byte[] { 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0 };
        WriteNpy(Path.Combine(root, "xtrain.npy"), "(2, 2, 3, 3)", images);
        WriteNpy(Path.Combine(root, "ytrain.npy"), "(2, 2, 3, 1)", masks);
        var samples = DatasetReader.LoadAll(DatasetReader.Read(root, "train"), 64);
        Assert.Equal(2, samples.Count);
        Assert.Equal((3, 2), (samples[0].Width, samples[0].Height));
        Assert.Equal(images[18..36], samples[1].Rgb);
        Assert.Equal(new byte[] { 0, 255, 255, 0, 0, 255 }, samples[0].Mask);

        WriteNpy(Path.Combine(root, "ytrain.npy"), "(2, 2, 3)", masks.Select(m => (byte)(m * 255)).ToArray());
        Assert.Equal(new byte[] { 255, 255, 255, 0, 0, 0 }, DatasetReader.LoadAll(DatasetReader.Read(root, "train"), 64)[1].Mask);
    }

    [Fact]
    public void MismatchedNpyShapesAreRejected()
    {
        WriteNpy(Path.Combine(root, "xtrain.npy"), "(2, 2, 3, 3)", new byte[36]);
        WriteNpy(Path.Combine(root, "ytrain.npy"), "(3, 2, 3)", new byte[18]);
        var error = Assert.Throws<DatasetException>(() => DatasetReader.Read(root, "train"));
        Assert.Contains("expected N x H x W x 3 images", error.Message);
    }

    static void WriteNpy(string path, string shape, byte[] data)
    {
        var header = $"{{'descr': '|u1', 'fortran_order': False, 'shape': {shape}, }}";
        header = header.PadRight(64 - 10 - 1) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, .. "NUMPY"u8, 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)header.Length));
        file.Write(System.Text.Encoding.ASCII.GetBytes(header));
        file.Write(data);
    }

    static void WritePng(string path, int width, int height, byte value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8));
        bitmap.Erase(new SKColor(value, value, value));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
