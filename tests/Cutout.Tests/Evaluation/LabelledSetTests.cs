using Xunit;

namespace Cutout.Tests;

/// <summary>Reading DIR/images + DIR/masks, as `cutout eval` and the bench scripts do.</summary>
public sealed class LabelledSetTests : IDisposable
{
    readonly TempFolder _root = new("cutout-labelled-");

    public void Dispose() => _root.Dispose();

    string Write(string relative, Photo photo)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Images.PngOf(photo));
        return path;
    }

    static Photo Filled(int width, int height, byte red)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i += 4) (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (red, 7, 9, 255);
        return new Photo(width, height, rgba);
    }

    [Fact]
    public void Pairs_come_in_name_order_without_hidden_files_and_photos_without_masks_are_reported()
    {
        using var photo = Filled(4, 3, 10);
        Write("images/voc_b.png", photo);
        Write("images/duts_a.png", photo);
        Write("images/.hidden.png", photo);
        Write("images/ccp_c.png", photo);
        Write("masks/voc_b.png", photo);
        Write("masks/duts_a.png", photo);
        Write("masks/.hidden.png", photo);
        var missing = new List<string>();

        var pairs = LabelledSet.Read(_root, p => missing.Add(p.Stem));

        Assert.Equal(["duts_a", "voc_b"], pairs.Select(p => p.Stem));
        Assert.Equal(["duts", "voc"], pairs.Select(p => p.Source));
        Assert.Equal(Path.Combine(_root, "masks", "voc_b.png"), pairs[1].Mask);
        Assert.Equal(["ccp_c"], missing);
    }

    [Fact]
    public void Truth_is_the_masks_red_channel_and_a_mask_of_another_size_is_refused()
    {
        using var photo = Filled(4, 3, 10);
        using var mask = Filled(4, 3, 200);
        using var small = Filled(3, 3, 200);
        Write("images/a.png", photo);
        Write("images/b.png", photo);
        Write("masks/a.png", mask);
        Write("masks/b.png", small);
        var pairs = LabelledSet.Read(_root);

        Assert.All(pairs[0].ReadTruth(4, 3), v => Assert.Equal(200, v));
        var error = Assert.Throws<CutoutException>(() => pairs[1].ReadTruth(4, 3));
        Assert.Equal(CutoutErrorKind.BadImage, error.Kind);
        Assert.Contains("3x3", error.Message);
    }

    [Fact]
    public void A_folder_without_images_and_masks_is_not_a_set()
    {
        Directory.CreateDirectory(Path.Combine(_root, "images"));
        Assert.False(LabelledSet.Exists(_root));
        Assert.Throws<CutoutException>(() => LabelledSet.Read(_root));
        Directory.CreateDirectory(Path.Combine(_root, "masks"));
        Assert.True(LabelledSet.Exists(_root));
        Assert.Empty(LabelledSet.Read(_root));
    }

    [Fact]
    public void The_set_is_named_by_the_folder_above_its_split() =>
        Assert.Equal("people", LabelledSet.Name(Path.Combine("data", "people", "val") + "/"));
}
