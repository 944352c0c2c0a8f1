namespace Cutout;

/// <summary>
/// Finds the pixels that edge matting made see-through inside the subject: lowered well below the model's alpha, yet
/// joined to the background by no path of see-through pixels. A light strand of hair that happens to match the backdrop's
/// colour is such a pixel; a ramp that matting moves onto the photo's real edge is not, since it opens onto the background.
/// Only small holes count (at most the band radius squared): a larger enclosed region is more likely a real gap, such as
/// the space between an arm and the body, that the band covers whole. The search stays inside the edge band.
/// </summary>
public static class EnclosedHoles
{
    /// <summary>Alpha below which a pixel lets the background through.</summary>
    const float SeeThrough = 0.75f;

    /// <summary>How far below the model's alpha a pixel must have been pushed to count as made see-through.</summary>
    const float Lowered = 0.1f;

    /// <param name="modelAlpha">The model's alpha of a changed pixel (asked for no other).</param>
    /// <returns>Indices of the pixels in <paramref name="changed"/> that form enclosed holes.</returns>
    public static List<int> Find(float[] alpha, Func<int, float> modelAlpha, bool[] changed, bool[] band, int width, int bandRadius)
    {
        var open = new bool[alpha.Length];
        var queue = new Queue<int>();
        for (var i = 0; i < alpha.Length; i++)
        {
            if (!band[i] || changed[i] || alpha[i] >= 0.5f) continue;
            open[i] = true;
            queue.Enqueue(i);
        }
        PixelFlood.Spread(queue, open, n => band[n] && alpha[n] < SeeThrough, width, corners: true);

        // From here on the flag also marks the candidates already grouped; an open pixel is never a candidate.
        var holes = new List<int>();
        for (var i = 0; i < alpha.Length; i++)
        {
            if (open[i] || !Candidate(i)) continue;
            var component = new List<int> { i };
            open[i] = true;
            PixelFlood.Spread(new Queue<int>([i]), open, Candidate, width, corners: true, component.Add);
            if (component.Count <= bandRadius * bandRadius) holes.AddRange(component);
        }
        return holes;

        bool Candidate(int i) => changed[i] && alpha[i] < SeeThrough && alpha[i] < modelAlpha(i) - Lowered;
    }
}
