namespace Cutout.Cli;

/// <summary>`--shard i/n`: process i of n (0-based) takes every n-th image of the sorted input list, starting at i.</summary>
sealed record Shard(int Index, int Count)
{
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count)
            && count >= 1 && index >= 0 && index < count)
            return new Shard(index, count);
        throw new UsageException($"--shard expects i/n with 0 ≤ i < n (e.g. 0/3), not '{text}'.");
    }

    public List<T> Take<T>(IReadOnlyList<T> sorted) => [.. sorted.Where((_, position) => position % Count == Index)];
}
