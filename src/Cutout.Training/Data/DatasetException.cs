namespace Cutout.Training.Data;

/// <summary>A dataset that cannot be read as a whole; the message lists every offending file.</summary>
public sealed class DatasetException(string message) : Exception(message)
{
    public static DatasetException ForProblems(string root, IReadOnlyCollection<string> problems, int shown = 20)
    {
        var lines = problems.Take(shown).Select(p => "  " + p);
        var more = problems.Count > shown ? $"\n  ... and {problems.Count - shown} more" : "";
        return new DatasetException($"{problems.Count} problem(s) in dataset {root}:\n{string.Join("\n", lines)}{more}");
    }
}
