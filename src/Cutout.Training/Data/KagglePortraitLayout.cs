namespace Cutout.Training.Data;

/// <summary>The Kaggle "portrait-segmentation-128x128" layout: xtrain/ ytrain/ xtest/ ytest/.</summary>
public static class KagglePortraitLayout
{
    public static bool Matches(string root) => Directory.Exists(Path.Combine(root, "xtrain"));

    /// <param name="split">"train" or "test".</param>
    public static IReadOnlyList<ISamplePair> Read(string root, string split) =>
        FolderPairs.Match(root, Path.Combine(root, "x" + split), Path.Combine(root, "y" + split));
}
