using Xunit;

namespace Cutout.Tests;

/// <summary>Which pixels matting made see-through count as holes, on a hand-made 12 x 5 band.</summary>
public class EnclosedHolesTests
{
    [Fact]
    public void Only_lowered_pixels_that_no_see_through_path_joins_to_the_background_are_holes()
    {
        // Rows top to bottom; S: opaque subject (1), h: lowered to 0.1 from the model's 0.9, B: known background (0).
        string[] rows =
        [
            "SSSSSSSSSSBB",
            "SShSSSSSShBB",
            "SSSSSSSSShBB",
            "SSSSShhSSSBB",
            "SSSSSSSSSSBB",
        ];
        const int width = 12;
        var alpha = new float[width * rows.Length];
        var model = new float[alpha.Length];
        var changed = new bool[alpha.Length];
        for (var y = 0; y < rows.Length; y++)
        for (var x = 0; x < width; x++)
        {
            var i = y * width + x;
            (alpha[i], model[i], changed[i]) = rows[y][x] switch
            {
                'S' => (1f, 1f, false),
                'h' => (0.1f, 0.9f, true),
                _ => (0f, 0f, false),
            };
        }
        var band = Enumerable.Repeat(true, alpha.Length).ToArray();
        // Edge matting keeps the model's alpha of the changed pixels only.
        float Model(int i) => changed[i] ? model[i] : throw new InvalidOperationException($"asked for unchanged pixel {i}");

        var holes = EnclosedHoles.Find(alpha, Model, changed, band, width, bandRadius: 3).Order().ToArray();

        // The two lowered pixels by the background open onto it; the single one and the pair inside are holes.
        Assert.Equal([1 * width + 2, 3 * width + 5, 3 * width + 6], holes);
        Assert.DoesNotContain(EnclosedHoles.Find(alpha, Model, changed, band, width, bandRadius: 1), i => i / width == 3);
    }
}
