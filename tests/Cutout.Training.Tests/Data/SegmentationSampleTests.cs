using Cutout.Training.Data;
using Xunit;

namespace Cutout.Training.Tests.Data;

public class SegmentationSampleTests
{
    [Fact]
    public void The_subject_box_holds_every_subject_pixel_and_nothing_fainter()
    {
        var mask = new byte[10 * 8];
        mask[2 * 10 + 6] = 255;
        mask[5 * 10 + 3] = SegmentationSample.Subject;
        mask[6 * 10 + 8] = SegmentationSample.Subject - 1;
        var sample = new SegmentationSample("voc_x", 10, 8, new byte[3 * 80], mask);
        Assert.Equal((3, 2, 6, 5), sample.SubjectBox());
    }

    [Fact]
    public void A_mask_without_a_subject_has_no_box()
    {
        var faint = Enumerable.Repeat((byte)(SegmentationSample.Subject - 1), 16).ToArray();
        Assert.Null(new SegmentationSample("voc_x", 4, 4, new byte[48], faint).SubjectBox());
    }
}
