using SkiaSharp;
using Xunit;
using Xunit.Abstractions;

namespace Cutout.Tests.Robustness;

/// <summary>
/// A bounded, deterministic mutation fuzz of the decode path: real images of every supported format, mutated by a
/// fixed-seed generator (bit flips, byte overwrites, interesting 16/32-bit values, truncation, insertion, duplicated
/// and deleted runs), a fixed number of cases. Each case must finish within its timeout with a result or a
/// CutoutException; any other exception, or a hang, fails with the case's seed so it can be replayed.
/// </summary>
public class DecodeFuzzTests(ITestOutputHelper output)
{
    const int CasesPerSeed = 150;
    const int Seed = 20261125;
    static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    public static IEnumerable<object[]> Seeds => FuzzSeeds.All.Select(s => new object[] { s.Name });

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Mutated_images_decode_or_fail_cleanly(string seedName)
    {
        var index = FuzzSeeds.All.ToList().FindIndex(s => s.Name == seedName);
        var seed = FuzzSeeds.All[index].Bytes;
        var random = new Random(Seed + index);   // fixed per seed image: every run tries the same mutants
        // A decoder that refused everything would pass every mutant below (PNG mutants all fail their chunk CRC).
        Assert.True(Run(seed), $"{seedName}: the unmutated image must decode and process");
        int decoded = 0, refused = 0;
        for (var i = 0; i < CasesPerSeed; i++)
        {
            var mutant = Mutator.Mutate(seed, random);
            bool processed;
            try
            {
                processed = await Task.Run(() => Run(mutant)).WaitAsync(PerCase);
            }
            catch (TimeoutException)
            {
                Assert.Fail($"{seedName} case {i}: no answer within {PerCase.TotalSeconds} s (hang?); {mutant.Length} bytes");
                throw;
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"{seedName} case {i}: {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                throw;
            }
            if (processed) decoded++;
            else refused++;
        }
        output.WriteLine($"{seedName}: {decoded} decoded and processed, {refused} refused with a CutoutException");
    }

    /// <summary>Probe, decode (small pixel limit, so a mutated size cannot eat the machine), and the full Remove.</summary>
    static bool Run(byte[] mutant)
    {
        const long limit = 4_000_000;
        try
        {
            var info = ImageProbe.Probe(mutant);
            Assert.True(info.Width > 0 && info.Height > 0);
            using (var photo = Photo.Decode(mutant, limit))
                Assert.Equal(photo.Width * photo.Height * 4, photo.Rgba.Length);
            var result = RobustnessModel.Remover.Remove(mutant, new RemoveOptions { MaxPixels = limit, Refine = true });
            Assert.NotEmpty(result.Data);
            return true;
        }
        catch (CutoutException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
            return false;
        }
    }
}

/// <summary>Real images in each supported format, small so each case is quick.</summary>
public static class FuzzSeeds
{
    public static IReadOnlyList<(string Name, byte[] Bytes)> All { get; } = Build();

    static List<(string, byte[])> Build()
    {
        using var source = SKBitmap.Decode(TestPaths.Astronaut);
        using var small = new SKBitmap(new SKImageInfo(48, 40, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        source.ScalePixels(small, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        byte[] Encode(SKEncodedImageFormat format, int quality)
        {
            using var data = small.Encode(format, quality);
            return data.ToArray();
        }
        return
        [
            ("jpeg", Encode(SKEncodedImageFormat.Jpeg, 85)),
            ("png", Encode(SKEncodedImageFormat.Png, 100)),
            ("webp", Encode(SKEncodedImageFormat.Webp, 80)),
            ("gif", BadInputCorpus.Gif(40, 30, frames: 2)),
            ("cmyk-jpeg", BadInputCorpus.CmykJpeg(24, 16)),
            ("exif-jpeg", BadInputCorpus.Get("JPEG whose EXIF IFD points past the end").Bytes),
        ];
    }
}

/// <summary>Structure-blind mutations, one to four per case.</summary>
public static class Mutator
{
    static readonly uint[] Interesting = [0, 1, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

    public static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var count = 1 + random.Next(4);
        for (var m = 0; m < count && bytes.Count > 1; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0:   // flip one bit
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:   // overwrite a few bytes
                    for (var i = 0; i < 1 + random.Next(8) && at + i < bytes.Count; i++) bytes[at + i] = (byte)random.Next(256);
                    break;
                case 2:   // an interesting 16- or 32-bit value, big-endian (PNG, JPEG) or little-endian (GIF, BMP, WebP)
                {
                    var value = Interesting[random.Next(Interesting.Length)];
                    var width = random.Next(2) == 0 ? 2 : 4;
                    var bigEndian = random.Next(2) == 0;
                    for (var i = 0; i < width && at + i < bytes.Count; i++)
                        bytes[at + i] = (byte)(value >> (8 * (bigEndian ? width - 1 - i : i)));
                    break;
                }
                case 3:   // truncate
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:   // insert random bytes
                    bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(32)).Select(_ => (byte)random.Next(256)));
                    break;
                case 5:   // delete a run
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(64)));
                    break;
                case 6:   // duplicate a run in place
                {
                    var run = bytes.GetRange(at, Math.Min(bytes.Count - at, 1 + random.Next(256)));
                    bytes.InsertRange(at, run);
                    break;
                }
                default:  // copy a run from elsewhere over this place (moves markers and chunk headers around)
                {
                    var from = random.Next(bytes.Count);
                    var length = Math.Min(Math.Min(bytes.Count - from, bytes.Count - at), 1 + random.Next(16));
                    var run = bytes.GetRange(from, length);
                    for (var i = 0; i < length; i++) bytes[at + i] = run[i];
                    break;
                }
            }
        }
        return [.. bytes];
    }
}
