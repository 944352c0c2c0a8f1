using Cutout.Tests;
using Cutout.Training.Data;
using Xunit;

namespace Cutout.Training.Tests.Data;

public class SubjectCutTests
{
    // 50 x 100, the subject in rows 20..79.
    static SegmentationSample Standing()
    {
        var mask = new byte[50 * 100];
        for (var row = 20; row < 80; row++) mask.AsSpan(row * 50 + 15, 20).Fill(255);
        return new SegmentationSample("ccp_x", 50, 100, new byte[3 * 50 * 100], mask);
    }

    [Fact]
    public void The_crop_ends_inside_the_subject_and_keeps_all_above_it_in_reach()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var crop = SubjectCut.Draw(Standing(), random, new AugmentationOptions().MaxAspectJitter)!.Value;
            Assert.InRange(crop.Y + crop.Height, 20 + SubjectCut.MinCut * 60, 20 + SubjectCut.MaxCut * 60);
            Assert.InRange(crop.Y, 0, 20);
            Assert.True(crop.X >= 0 && crop.X + crop.Width <= 50 + 1e-9, $"crop {crop} stays inside the photo");
        }
    }

    [Fact]
    public void A_photo_without_a_subject_gets_no_cut()
    {
        var empty = new SegmentationSample("voc_x", 8, 8, new byte[3 * 64], new byte[64]);
        Assert.Null(SubjectCut.Draw(empty, new Random(1), new AugmentationOptions().MaxAspectJitter));
    }

    [DataFact]
    public void Training_inputs_show_the_person_reaching_the_frames_bottom_edge()
    {
        var pool = FolderPairs.Read(TestPaths.People("smoke")).Select(p => p.Load(256)).ToList();
        var augmenter = new Augmenter(new AugmentationOptions { CutProbability = 1, PasteProbability = 0 }, 64, 64);
        var random = new Random(5);
        for (var index = 0; index < pool.Count; index++)
        for (var draw = 0; draw < 10; draw++)
        {
            var mask = new float[64 * 64];
            augmenter.Render(pool, index, random, new float[3 * 64 * 64], mask);
            Assert.True(mask.AsSpan(63 * 64, 64).ToArray().Any(v => v >= 0.5f),
                $"{pool[index].Id}, draw {draw}: the person reaches the bottom row");
        }
    }
}
