namespace Cutout.Training.Data;

/// <summary>Finds the pairs of a split, whatever the layout: folder pairs, the Kaggle layout, or .npy arrays.</summary>
public static class DatasetReader
{
    /// <param name="root">A dataset root holding splits (train/, val/ ...), a split folder itself, or a Kaggle/npy folder.</param>
    /// <param name="split">"train", "val" or "test".</param>
    public static IReadOnlyList<ISamplePair> Read(string root, string split)
    {
        if (!Directory.Exists(root)) throw new DatasetException($"{root}: folder not found");
        if (KagglePortraitLayout.Matches(root))
            return KagglePortraitLayout.Read(root, split == "train" ? "train" : "test");
        var npyImages = Path.Combine(root, $"x{(split == "train" ? "train" : "test")}.npy");
        if (File.Exists(npyImages))
            return NpyPairs.Read(npyImages, Path.Combine(root, $"y{(split == "train" ? "train" : "test")}.npy"));
        var splitDir = Path.Combine(root, split);
        if (Directory.Exists(Path.Combine(splitDir, "images"))) return FolderPairs.Read(splitDir);
        if (Directory.Exists(Path.Combine(root, "images"))) return FolderPairs.Read(root);
        throw new DatasetException($"{root}: no '{split}' split found (expected {split}/images + {split}/masks, " +
                                   "images/ + masks/, xtrain/ ytrain/ xtest/ ytest/, or xtrain.npy + ytrain.npy)");
    }

    /// <summary>The pairs of a split from several dataset roots, in the order given (a joint model's training data).</summary>
    /// <param name="roots">One root, or several separated by commas.</param>
    public static IReadOnlyList<ISamplePair> ReadRoots(string roots, string split)
    {
        var pairs = roots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(root => Read(root, split)).ToList();
        var repeated = pairs.GroupBy(pair => pair.Id).FirstOrDefault(group => group.Count() > 1);
        if (repeated is not null)
            throw new DatasetException($"{repeated.Key}: the same pair name comes from more than one of {roots}; names must tell the sources apart");
        return pairs;
    }

    /// <summary>Decodes every pair in parallel; unreadable pairs are collected into one error that lists them.</summary>
    public static IReadOnlyList<SegmentationSample> LoadAll(IReadOnlyList<ISamplePair> pairs, int maxSide)
    {
        var samples = new SegmentationSample?[pairs.Count];
        var problems = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, pairs.Count, i =>
        {
            try { samples[i] = pairs[i].Load(maxSide); }
            catch (Exception e) when (e is DatasetException or IOException or UnauthorizedAccessException)
            { problems.Add($"{pairs[i].Id}: {e.Message}"); }
        });
        if (!problems.IsEmpty) throw DatasetException.ForProblems("pairs", problems.Order().ToList());
        return samples.Select(s => s!).ToList();
    }
}
