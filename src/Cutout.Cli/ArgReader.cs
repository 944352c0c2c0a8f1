using System.Globalization;

namespace Cutout.Cli;

/// <summary>Walks a command line: positional arguments, boolean flags, and options with one value.</summary>
sealed class ArgReader(string[] args)
{
    int _next;

    public bool HasMore => _next < args.Length;

    public string Next() => args[_next++];

    public string Value(string option) =>
        _next < args.Length ? args[_next++] : throw new UsageException($"{option} needs a value.");

    public int Int(string option, int min)
    {
        var text = Value(option);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min
            ? n
            : throw new UsageException($"{option} expects a whole number ≥ {min}, not '{text}'.");
    }

    public float Float(string option, float min, float max)
    {
        var text = Value(option);
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f >= min && f <= max
            ? f
            : throw new UsageException($"{option} expects a number from {min} to {max}, not '{text}'.");
    }
}
