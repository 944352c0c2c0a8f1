using Cutout.Tests;
using Cutout.Training.Data;
using Xunit;

namespace Cutout.Training.Tests.Data;

public class OccluderTests
{
    const int Size = 60;

    // 30 x 30, a red 10 x 20 object (mask 255) standing in the middle of black background.
    static SegmentationSample Bottle()
    {
        var rgb = new byte[3 * 30 * 30];
        var mask = new byte[30 * 30];
        for (var row = 5; row < 25; row++)
            for (var col = 10; col < 20; col++)
            {
                rgb[3 * (row * 30 + col)] = 255;
                mask[row * 30 + col] = 255;
            }
        return new SegmentationSample("duts_bottle", 30, 30, rgb, mask);
    }

    // The whole frame is a green subject.
    static (float[] Rgb, float[] Mask) GreenSubject()
    {
        var rgb = new float[3 * Size * Size];
        rgb.AsSpan(Size * Size, Size * Size).Fill(200);
        var mask = new float[Size * Size];
        mask.AsSpan().Fill(1);
        return (rgb, mask);
    }

    [Fact]
    public void The_object_hides_the_subject_where_it_covers_it_and_nowhere_else()
    {
        var random = new Random(11);
        var heights = new HashSet<int>();
        for (var draw = 0; draw < 100; draw++)
        {
            var (rgb, mask) = GreenSubject();
            Occluder.Place(Bottle(), random, Size, Size, rgb, mask);
            int top = Size, bottom = -1;
            for (var i = 0; i < Size * Size; i++)
            {
                // The green subject shows exactly as much as the label keeps of it; a solid red pixel is not subject.
                Assert.Equal(200 * mask[i], rgb[Size * Size + i], 0.01f);
                if (rgb[i] > 200) Assert.True(mask[i] < 0.2f, $"draw {draw}: pixel {i} shows the object but is labelled {mask[i]}");
                if (rgb[i] <= 0) continue;
                top = Math.Min(top, i / Size);
                bottom = Math.Max(bottom, i / Size);
            }
            Assert.True(bottom >= 0, $"draw {draw}: the object is in the frame");
            Assert.True(top >= Size / 3 - 1, $"draw {draw}: the object's top {top} is in the lower two thirds");
            if (bottom < Size - 1)
                Assert.InRange(bottom - top + 1, Occluder.MinHeight * Size - 2, Occluder.MaxHeight * Size + 2);
            heights.Add(bottom - top);
        }
        Assert.True(heights.Count > 5, "the object's size and place vary");
    }

    [Fact]
    public void A_held_object_joins_the_subject_it_overlaps_and_leaves_a_background_alone()
    {
        var random = new Random(2);
        for (var draw = 0; draw < 50; draw++)
        {
            var (rgb, mask) = GreenSubject();
            Occluder.Place(Bottle(), random, Size, Size, rgb, mask, held: true);
            Assert.True(rgb.Take(Size * Size).Any(v => v > 200), $"draw {draw}: the object is in the frame");
            Assert.All(mask, v => Assert.Equal(1f, v, 1e-5f));

            var background = new float[Size * Size];
            Occluder.Place(Bottle(), random, Size, Size, rgb, background, held: true);
            Assert.All(background, v => Assert.Equal(0f, v));
        }
    }

    [Fact]
    public void A_held_object_beside_the_subject_but_not_on_it_stays_background()
    {
        // The subject is the top row only, above every place an object can go.
        var random = new Random(3);
        for (var draw = 0; draw < 50; draw++)
        {
            var (rgb, _) = GreenSubject();
            var mask = new float[Size * Size];
            mask.AsSpan(0, Size).Fill(1);
            Occluder.Place(Bottle(), random, Size, Size, rgb, mask, held: true);
            Assert.Equal(Size, mask.Sum(), 0.001f);
        }
    }

    [Fact]
    public void An_item_without_a_mask_changes_nothing()
    {
        var (rgb, mask) = GreenSubject();
        var (before, beforeMask) = GreenSubject();
        Occluder.Place(new SegmentationSample("duts_empty", 8, 8, new byte[3 * 64], new byte[64]), new Random(1), Size, Size, rgb, mask);
        Assert.Equal(before, rgb);
        Assert.Equal(beforeMask, mask);
    }

    [Fact]
    public void Without_occlusion_the_occluders_draw_no_random_numbers()
    {
        var pool = new[] { Bottle() with { Id = "ccp_a" } };
        float[] Render(Augmenter augmenter)
        {
            var rgb = new float[3 * 32 * 32];
            augmenter.Render(pool, 0, new Random(4), rgb, new float[32 * 32]);
            return rgb;
        }
        var plain = Render(new Augmenter(new AugmentationOptions(), 32, 32));
        Assert.Equal(plain, Render(new Augmenter(new AugmentationOptions(), 32, 32, [Bottle()])));
        Assert.NotEqual(plain, Render(new Augmenter(new AugmentationOptions { OcclusionProbability = 1 }, 32, 32, [Bottle()])));
    }

    [Fact]
    public async Task Cutout_train_refuses_occlusion_without_occluders()
    {
        var (code, output) = await Cutout.Training.Tests.Training.CutoutTrain.RunAsync(["train", "--data", Path.GetTempPath(), "--occlude", "0.3"]);

        Assert.Equal(2, code);
        Assert.Contains("--occlude needs --occluders ROOT", output);
    }

    [DataFact]
    public void People_lose_their_label_only_under_the_object()
    {
        var people = FolderPairs.Read(TestPaths.People("smoke")).Select(p => p.Load(128)).ToList();
        var items = FolderPairs.Read(TestPaths.People("smoke")).Select(p => p.Load(128)).Reverse().ToList();
        var plain = new Augmenter(new AugmentationOptions { PasteProbability = 0 }, 64, 64);
        var occluded = new Augmenter(new AugmentationOptions { PasteProbability = 0, OcclusionProbability = 1 }, 64, 64, items);
        int lost = 0;
        for (var index = 0; index < people.Count; index++)
        {
            float[] plainMask = new float[64 * 64], occludedMask = new float[64 * 64];
            plain.Render(people, index, new Random(index), new float[3 * 64 * 64], plainMask);
            occluded.Render(people, index, new Random(index), new float[3 * 64 * 64], occludedMask);
            for (var i = 0; i < plainMask.Length; i++)
            {
                Assert.True(occludedMask[i] <= plainMask[i] + 1e-6f, $"{people[index].Id}: an object never adds subject");
                if (occludedMask[i] < plainMask[i] - 0.5f) lost++;
            }
        }
        Assert.True(lost > 0, "some subject pixels are hidden");
    }
}
