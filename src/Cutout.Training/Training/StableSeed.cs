namespace Cutout.Training.Training;

/// <summary>
/// Seeds for <see cref="Random"/> drawn from a run's seed and indices, equal in every process: a resumed run shuffles and
/// augments exactly as the run it continues. (<see cref="HashCode.Combine{T1,T2}"/> is randomised per process.)
/// </summary>
public static class StableSeed
{
    public static int Of(params ReadOnlySpan<int> parts)
    {
        ulong state = 0;
        foreach (int part in parts) state = SplitMix(state ^ (uint)part);
        return (int)(state ^ (state >> 32));
    }

    static ulong SplitMix(ulong z)
    {
        z += 0x9E3779B97F4A7C15;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
