using Xunit;

namespace Cutout.Tests;

/// <summary>The shipped default model on real people photos: background transparent, person opaque.</summary>
public class ShippedModelTests
{
    static readonly Lazy<BackgroundRemover> Default = new(() => BackgroundRemover.Load());

    [ShippedModelFact]
    public void People_are_kept_and_backgrounds_removed()
    {
        var images = Directory.GetFiles(Path.Combine(TestPaths.People("smoke"), "images")).Order().ToList();
        foreach (var image in images)
        {
            var result = Default.Value.Remove(File.ReadAllBytes(image), new RemoveOptions());
            using var output = Photo.Decode(result.Data);
            using var input = Photo.Decode(File.ReadAllBytes(image));
            using var truth = Photo.Decode(File.ReadAllBytes(Path.Combine(TestPaths.People("smoke"), "masks", Path.GetFileNameWithoutExtension(image) + ".png")));

            long person = 0, personOpaque = 0, background = 0, backgroundClear = 0;
            for (var i = 0; i < output.PixelCount; i++)
            {
                var alpha = output.Rgba[i * 4 + 3];
                if (truth.Rgba[i * 4] > 127) { person++; if (alpha > 127) personOpaque++; }
                else { background++; if (alpha < 128) backgroundClear++; }
                if (alpha > 0)
                    for (var c = 0; c < 3; c++) Assert.Equal(input.Rgba[i * 4 + c], output.Rgba[i * 4 + c]);
            }
            Assert.True(personOpaque > 0.7 * person, $"{Path.GetFileName(image)}: {personOpaque}/{person} person pixels opaque");
            Assert.True(backgroundClear > 0.8 * background, $"{Path.GetFileName(image)}: {backgroundClear}/{background} background pixels clear");
        }
    }
}
