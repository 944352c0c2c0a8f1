using Cutout.Training.Data;
using Xunit;

namespace Cutout.Training.Tests.Data;

public class AugmenterTests
{
    // A 4x2 picture: left half red person (mask 255), right half blue background.
    static SegmentationSample Person(string id) => new(id, 4, 2,
        [255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255],
        [255, 255, 0, 0, 255, 255, 0, 0]);

    static SegmentationSample Green(string id) => new(id, 4, 2,
        Enumerable.Repeat(new byte[] { 0, 200, 0 }, 8).SelectMany(p => p).ToArray(), new byte[8]);

    [Fact]
    public void SameSeedGivesSameAugmentation()
    {
        var pool = new[] { Person("voc_a"), Green("voc_b") };
        var augmenter = new Augmenter(new AugmentationOptions(), 8, 4);
        float[] Render(int seed)
        {
            var rgb = new float[3 * 32];
            augmenter.Render(pool, 0, new Random(seed), rgb, new float[32]);
            return rgb;
        }
        Assert.Equal(Render(7), Render(7));
        Assert.NotEqual(Render(7), Render(8));
    }

    [Fact]
    public void MirrorFlipsImageAndMaskTogether()
    {
        var sample = Person("x");
        var rgb = new float[3 * 8];
        var mask = new float[8];
        SampleResizer.Sample(sample, SampleResizer.Crop.Whole(sample) with { Mirror = true }, 4, 2, rgb, mask);
        Assert.Equal(new float[] { 0, 0, 1, 1, 0, 0, 1, 1 }, mask);
        Assert.Equal(255f, rgb[3]);     // red plane, mirrored person now on the right
        Assert.Equal(255f, rgb[16]);    // blue plane, background now on the left
    }

    [Fact]
    public void PastingKeepsThePersonAndItsLabelOverTheOtherBackground()
    {
        var options = AugmentationOptions.None with { PasteProbability = 1 };
        var augmenter = new Augmenter(options, 4, 2);
        var rgb = new float[3 * 8];
        var mask = new float[8];
        augmenter.Render([Person("a"), Green("b")], 0, new Random(1), rgb, mask);
        Assert.Equal(new float[] { 1, 1, 0, 0, 1, 1, 0, 0 }, mask);
        Assert.Equal(255f, rgb[0]);              // person pixel stays red
        Assert.Equal(200f, rgb[8 + 2]);          // background pixel now green
        Assert.Equal(0f, rgb[16 + 2]);           // ... and no longer blue
    }

    [Fact]
    public void A_shrunk_paste_puts_a_smaller_whole_person_somewhere_in_the_other_picture()
    {
        var allPerson = new SegmentationSample("a", 4, 2,
            Enumerable.Repeat(new byte[] { 255, 0, 0 }, 8).SelectMany(p => p).ToArray(), Enumerable.Repeat((byte)255, 8).ToArray());
        var options = AugmentationOptions.None with { PasteProbability = 1, ShrinkProbability = 1 };
        var augmenter = new Augmenter(options, 40, 20);
        var sizes = new HashSet<int>();
        for (int seed = 0; seed < 20; seed++)
        {
            var rgb = new float[3 * 800];
            var mask = new float[800];
            augmenter.Render([allPerson, Green("b")], 0, new Random(seed), rgb, mask);
            Assert.All(mask, v => Assert.True(v < 1e-4 || v > 1 - 1e-4, $"mask {v}"));
            bool[] person = mask.Select(v => v > 0.5f).ToArray();
            int covered = person.Count(p => p);
            Assert.InRange(covered, 8 * 4, 32 * 16);                    // 20-80 % of each side
            for (int i = 0; i < 800; i++)
                Assert.Equal(person[i] ? 255f : 0f, rgb[i], 0.05f);    // red person, green elsewhere
            int top = Array.IndexOf(person, true) / 40, bottom = Array.LastIndexOf(person, true) / 40;
            int width = person.Skip(top * 40).Take(40).Count(p => p);
            Assert.Equal(covered, width * (bottom - top + 1));          // one solid rectangle
            sizes.Add(covered);
        }
        Assert.True(sizes.Count > 5, "the scale should vary");
    }

    [Theory]
    [InlineData("--shrink", "1.5")]
    [InlineData("--paste", "-0.1")]
    [InlineData("--grey", "2")]
    [InlineData("--exposure", "-0.5")]
    [InlineData("--cut", "1.2")]
    [InlineData("--occlude", "1.5")]
    public async Task Cutout_train_refuses_a_probability_outside_0_to_1(string flag, string value)
    {
        var (code, output) = await Cutout.Training.Tests.Training.CutoutTrain.RunAsync(["train", "--data", Path.GetTempPath(), flag, value]);

        Assert.Equal(2, code);
        Assert.Contains("--paste, --shrink, --grey, --exposure, --cut and --occlude are probabilities between 0 and 1", output);
    }
}
