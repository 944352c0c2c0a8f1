namespace Cutout;

/// <summary>
/// A ground-truth mask split by distance to its boundary: pixels more than <see cref="EdgeRadius"/> px (Chebyshev) from
/// any pixel of the other class are core background or core subject; the rest form the edge band, where the true alpha
/// may be soft and a few pixels of disagreement are annotation noise.
/// </summary>
public sealed class TruthRegions
{
    public const int EdgeRadius = 4;

    public enum Kind : byte { Edge, Background, Subject }

    /// <summary>One <see cref="Kind"/> per pixel, row-major.</summary>
    public Kind[] Regions { get; }

    /// <summary>The mask's own alpha, 0..1 (byte / 255): soft along edges where the annotation is soft.</summary>
    public float[] Alpha { get; }

    public bool HasSubject { get; }

    TruthRegions(Kind[] regions, float[] alpha, bool hasSubject) => (Regions, Alpha, HasSubject) = (regions, alpha, hasSubject);

    /// <param name="truth">one byte per pixel; &gt; 127 is subject.</param>
    public static TruthRegions Of(ReadOnlySpan<byte> truth, int width, int height)
    {
        if (truth.Length != width * height)
            throw new CutoutException(CutoutErrorKind.BadImage, $"The mask has {truth.Length} pixels; the photo {width}x{height}.");
        var subject = new bool[truth.Length];
        var alpha = new float[truth.Length];
        for (var i = 0; i < truth.Length; i++)
        {
            subject[i] = truth[i] > 127;
            alpha[i] = truth[i] / 255f;
        }
        var census = WindowCensus.Classify(subject, width, height, EdgeRadius);
        var regions = new Kind[truth.Length];
        for (var i = 0; i < regions.Length; i++)
            regions[i] = census[i] switch { WindowCensus.None => Kind.Background, WindowCensus.All => Kind.Subject, _ => Kind.Edge };
        return new TruthRegions(regions, alpha, Array.IndexOf(subject, true) >= 0);
    }
}
