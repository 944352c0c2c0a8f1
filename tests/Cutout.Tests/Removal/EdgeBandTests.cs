using Xunit;

namespace Cutout.Tests;

public class EdgeBandTests
{
    static ModelSpec Model(int size) => new() { Width = size, Height = size };

    [Theory]
    [InlineData(320)]
    [InlineData(384)]
    public void A_1_MP_photo_is_searched_on_2_px_cells_whatever_the_models_size(int modelSize)
    {
        // 1024 / 384 is 2.7 photo pixels per model pixel: rounded, its half gave 1 px cells, four times the census and
        // the colour estimates of `--refine`, which tripled its time when people version 4 moved from 320 to 384 px.
        Assert.Equal(2, EdgeBand.GridFor(1024, 768, Model(modelSize)));
    }

    [Fact]
    public void A_photo_no_larger_than_the_model_is_searched_pixel_by_pixel()
    {
        Assert.Equal(1, EdgeBand.GridFor(384, 384, Model(384)));
        Assert.Equal(1, EdgeBand.GridFor(200, 100, Model(384)));
    }
}
