using System.Security.Cryptography;
using SkiaSharp;
using Xunit;

namespace Cutout.Tests.Robustness;

/// <summary>Every bad input through the library's Probe, Decode and Remove: the expected error kind, or a result.</summary>
public class LibraryRobustnessTests
{
    [Theory]
    [MemberData(nameof(BadInputCorpus.Cases), MemberType = typeof(BadInputCorpus))]
    public void Remove_refuses_with_the_right_kind_or_produces_a_valid_image(string name)
    {
        var input = BadInputCorpus.Get(name);
        var hash = SHA256.HashData(input.Bytes);

        var (result, error) = Attempt(() => RobustnessModel.Remover.Remove(input.Bytes, new RemoveOptions()));

        Assert.Equal(hash, SHA256.HashData(input.Bytes));
        switch (input.Expect)
        {
            case Expect.Works:
                Assert.True(error is null, $"{name}: {error?.Kind}: {error?.Message}");
                AssertDecodes(result!, input.Size);
                break;
            case Expect.WorksOrDamaged:
                if (error is null) AssertDecodes(result!, input.Size);
                else Assert.Equal(CutoutErrorKind.BadImage, error.Kind);
                break;
            case Expect.Damaged:
                Assert.True(error is { Kind: CutoutErrorKind.BadImage }, $"{name}: got {Describe(result, error)}");
                break;
            case Expect.Refused:
                Assert.True(error is { Kind: CutoutErrorKind.NotAnImage or CutoutErrorKind.BadImage }, $"{name}: got {Describe(result, error)}");
                break;
            case Expect.NotAnImage:
                Assert.True(error is { Kind: CutoutErrorKind.NotAnImage }, $"{name}: got {Describe(result, error)}");
                break;
            case Expect.TooLarge:
                Assert.True(error is { Kind: CutoutErrorKind.TooLarge }, $"{name}: got {Describe(result, error)}");
                break;
        }
        if (error != null)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.DoesNotContain("   at ", error.Message);
        }
    }

    [Theory]
    [MemberData(nameof(BadInputCorpus.HostileCases), MemberType = typeof(BadInputCorpus))]
    public void Hostile_inputs_are_refused_in_words_fast_and_without_decoding(string name)
    {
        var input = BadInputCorpus.Get(name);
        RobustnessModel.Remover.Remove(BadInputCorpus.Png, new RemoveOptions());   // warm: model and codecs loaded
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (_, error) = Attempt(() => RobustnessModel.Remover.Remove(input.Bytes, new RemoveOptions { Refine = true, Background = "blur" }));

        var elapsed = clock.Elapsed;
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(error != null, $"{name}: processed");
        Assert.Contains(input.Says!, error.Message);
        Assert.True(elapsed < BadInputCorpus.HostileTimeLimit, $"{name}: refused after {elapsed.TotalMilliseconds:0} ms");
        Assert.True(allocated < 16 * 1024 * 1024, $"{name}: {allocated / 1024 / 1024} MB allocated before refusing");
    }

    [Theory]
    [InlineData("PNG header claiming 30000x30000", 30000, 30000)]
    [InlineData("JPEG SOF claiming 30000x30000", 30000, 30000)]
    [InlineData("BMP header claiming 30000x30000", 30000, 30000)]
    [InlineData("GIF screen claiming 65535x65535", 65535, 65535)]
    public void Probe_reports_the_claimed_size_without_decoding(string name, int width, int height)
    {
        var info = ImageProbe.Probe(BadInputCorpus.Get(name).Bytes);
        Assert.Equal((width, height), (info.Width, info.Height));
    }

    [Fact]
    public void Every_mask_option_survives_the_unusual_valid_inputs()
    {
        var options = new RemoveOptions { Refine = true, Crop = true, CleanArea = 50, Threshold = 0.5f, Background = "blur" };
        foreach (var input in BadInputCorpus.All.Where(c => c.Expect == Expect.Works))
        {
            var result = RobustnessModel.Remover.Remove(input.Bytes, options);
            AssertDecodes(result, size: null);
            var mask = RobustnessModel.Remover.Remove(input.Bytes, new RemoveOptions { Mask = true, Refine = true });
            AssertDecodes(mask, input.Size);
        }
    }

    [Fact]
    public void A_generous_pixel_limit_still_refuses_an_impossible_header_with_a_CutoutException()
    {
        // 30000 x 30000 x 4 bytes is past the largest .NET array: the check must not be the allocation failing.
        var huge = BadInputCorpus.Get("PNG header claiming 30000x30000").Bytes;
        var (_, error) = Attempt(() => RobustnessModel.Remover.Remove(huge, new RemoveOptions { MaxPixels = long.MaxValue }));
        Assert.Equal(CutoutErrorKind.TooLarge, error?.Kind);
        Assert.Contains("30000x30000", error!.Message);
    }

    [Fact]
    public void A_tiny_file_claiming_49_megapixels_is_refused_as_damaged_not_processed()
    {
        var bomb = BadInputCorpus.PngClaiming(7000, 7000);
        Assert.True(bomb.Length < 200);
        // The pixels-per-byte bound would refuse it first (TooLarge); without it the truncation check must.
        var (_, error) = Attempt(() => RobustnessModel.Remover.Remove(bomb, new RemoveOptions { MaxPixelsPerByte = 0 }));
        Assert.Equal(CutoutErrorKind.BadImage, error?.Kind);
        var (_, bounded) = Attempt(() => RobustnessModel.Remover.Remove(bomb, new RemoveOptions()));
        Assert.Equal(CutoutErrorKind.TooLarge, bounded?.Kind);
    }

    static (RemovalResult? Result, CutoutException? Error) Attempt(Func<RemovalResult> remove)
    {
        try
        {
            return (remove(), null);
        }
        catch (CutoutException e)
        {
            return (null, e);
        }
        // Anything else (ArgumentException, IndexOutOfRange, OutOfMemory, ...) fails the test with its stack trace.
    }

    static string Describe(RemovalResult? result, CutoutException? error) =>
        error != null ? $"{error.Kind}: {error.Message}" : $"a {result!.Width}x{result.Height} result";

    internal static void AssertDecodes(RemovalResult result, (int Width, int Height)? size)
    {
        using var codec = SKCodec.Create(new MemoryStream(result.Data));
        Assert.NotNull(codec);
        using var bitmap = new SKBitmap(codec.Info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(bitmap.Info, bitmap.GetPixels()));
        Assert.Equal((result.Width, result.Height), (codec.Info.Width, codec.Info.Height));
        if (size is { } s) Assert.Equal(s, (result.Width, result.Height));
    }
}
