using SkiaSharp;
using Xunit;

namespace Cutout.Tests;

/// <summary>
/// The shipped models on real photos: on people photos the default keeps the person and clears the background; on the
/// public-domain sample each keeps the parts a person sees it lose when it regresses.
/// </summary>
public class ShippedModelTests
{
    static readonly Lazy<BackgroundRemover> Default = new(() => BackgroundRemover.Load());
    static readonly Lazy<BackgroundRemover> General = new(() => BackgroundRemover.Load("general"));

    [ShippedModelFact]
    public void People_are_kept_and_backgrounds_removed()
    {
        var images = Directory.GetFiles(Path.Combine(TestPaths.People("smoke"), "images")).Order().ToList();
        long person = 0, personOpaque = 0, background = 0, backgroundClear = 0;
        foreach (var image in images)
        {
            var result = Default.Value.Remove(File.ReadAllBytes(image), new RemoveOptions());
            using var output = Photo.Decode(result.Data);
            using var input = Photo.Decode(File.ReadAllBytes(image));
            using var truth = Photo.Decode(File.ReadAllBytes(Path.Combine(TestPaths.People("smoke"), "masks", Path.GetFileNameWithoutExtension(image) + ".png")));

            long p = 0, pOpaque = 0, b = 0, bClear = 0;
            for (var i = 0; i < output.PixelCount; i++)
            {
                var alpha = output.Rgba[i * 4 + 3];
                if (truth.Rgba[i * 4] > 127) { p++; if (alpha > 127) pOpaque++; }
                else { b++; if (alpha < 128) bClear++; }
                if (alpha > 0)
                    for (var c = 0; c < 3; c++) Assert.Equal(input.Rgba[i * 4 + c], output.Rgba[i * 4 + c]);
            }
            Assert.True(pOpaque > 0.5 * p, $"{Path.GetFileName(image)}: {pOpaque}/{p} person pixels opaque");
            Assert.True(bClear > 0.5 * b, $"{Path.GetFileName(image)}: {bClear}/{b} background pixels clear");
            (person, personOpaque, background, backgroundClear) = (person + p, personOpaque + pOpaque, background + b, backgroundClear + bClear);
        }
        Assert.True(personOpaque > 0.7 * person, $"{personOpaque}/{person} person pixels opaque");
        Assert.True(backgroundClear > 0.8 * background, $"{backgroundClear}/{background} background pixels clear");
    }

    /// <summary>
    /// The sample's suit below the mission patch, where it meets the frame's bottom edge, stays opaque. Exported at
    /// 352-384 px, people v3 and every multi-scale candidate cut it away (mean alpha 70-226 here, 255 for v3 at 320);
    /// on a coloured background the astronaut then loses her lower body (docs/models/people-unet-resnet18.md). Version 4,
    /// trained with held occluders, keeps it at 384 (255).
    /// </summary>
    [ShippedModelFact]
    public void The_sample_astronaut_keeps_her_suit_down_to_the_frames_bottom_edge()
    {
        var mean = MeanAlpha(Default.Value, File.ReadAllBytes(TestPaths.Astronaut), SKRectI.Create(120, 440, 110, 30));
        Assert.True(mean >= 230, $"mean alpha {mean:F0} in the suit below the patch; a kept suit is 230 or more");
    }

    /// <summary>
    /// The helmet she holds comes out whole or not at all, never in pieces: people v3 drops it (1 % of this box kept), a
    /// model trained with held occluders keeps it (people-occ-b 100 %, version 4 99 %), and averaging the two kept its
    /// rim and right side only (24 %; 70 % with more of the helmet-keeping model), which on a coloured background reads
    /// as a broken helmet. Holes of 30 x 30 px in the visor show on a coloured background too (people-occ-b2 88 %, an
    /// average of held runs at 352 px 96 %).
    /// </summary>
    [ShippedModelFact]
    public void The_sample_astronauts_held_helmet_is_kept_whole_or_dropped_whole()
    {
        using var output = CutOut(Default.Value, File.ReadAllBytes(TestPaths.Astronaut));
        double share = Images.OpaqueShare(output.Rgba, output.Width, SKRectI.Create(305, 370, 170, 130));
        Assert.True(share is <= 0.03 or >= 0.97, $"{share:P1} of the helmet kept; whole is 97 % or more, dropped 3 % or less");
    }

    /// <summary>
    /// General version 3 left a hole of about 30 x 30 px in the dark visor of the helmet she holds and lost half of its
    /// highlight (mean alpha 217 in this box); a solid helmet is 230 or more (version 4: 255).
    /// </summary>
    [ShippedModelFact]
    public void The_general_model_keeps_the_sample_helmets_visor_solid()
    {
        var mean = MeanAlpha(General.Value, File.ReadAllBytes(TestPaths.Astronaut), SKRectI.Create(345, 380, 120, 78));
        Assert.True(mean >= 230, $"mean alpha {mean:F0} in the helmet's visor; a solid helmet is 230 or more");
    }

    /// <summary>
    /// The toy shuttle cropped from the sample (no person in it): the box holds the orbiter's wings and the gaps beside
    /// its tail. General version 3 lost the wings (mean alpha 131); version 4 keeps them (195).
    /// </summary>
    [ShippedModelFact]
    public void The_general_model_keeps_the_toy_shuttles_wings()
    {
        using var sample = SKBitmap.Decode(TestPaths.Astronaut);
        using var shuttle = new SKBitmap();
        Assert.True(sample.ExtractSubset(shuttle, SKRectI.Create(330, 0, 182, 300)));
        using var png = shuttle.Encode(SKEncodedImageFormat.Png, 100);
        var mean = MeanAlpha(General.Value, png.ToArray(), SKRectI.Create(30, 175, 95, 55));
        Assert.True(mean >= 170, $"mean alpha {mean:F0} over the shuttle's wings; kept wings are 170 or more");
    }

    static double MeanAlpha(BackgroundRemover remover, byte[] image, SKRectI box)
    {
        using var output = CutOut(remover, image);
        return Images.MeanAlpha(output.Rgba, output.Width, box);
    }

    static Photo CutOut(BackgroundRemover remover, byte[] image) => Photo.Decode(remover.Remove(image, new RemoveOptions()).Data);
}
