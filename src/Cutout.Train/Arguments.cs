namespace Cutout.Train;

/// <summary>Minimal <c>--name value</c> / <c>--flag</c> parser that rejects unknown options.</summary>
public sealed class Arguments
{
    readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    readonly HashSet<string> used = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (int i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--")) throw new ArgumentException($"unexpected argument '{list[i]}'");
            var name = list[i][2..];
            var eq = name.IndexOf('=');
            if (eq >= 0) values[name[..eq]] = name[(eq + 1)..];
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--")) values[name] = list[++i];
            else values[name] = null;
        }
    }

    public string? String(string name)
    {
        used.Add(name);
        return values.GetValueOrDefault(name);
    }

    public string String(string name, string fallback) => String(name) ?? fallback;

    public int Int(string name, int fallback) => Parse(name, fallback, int.Parse);

    public double Double(string name, double fallback) =>
        Parse(name, fallback, s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A comma-separated list of integers, or null when the option is absent.</summary>
    public int[]? Ints(string name) =>
        Parse<int[]?>(name, null, s => s.Split(',', StringSplitOptions.TrimEntries).Select(int.Parse).ToArray());

    public bool Flag(string name)
    {
        used.Add(name);
        if (!values.TryGetValue(name, out var v)) return false;
        return v is null || v is "true" or "1" or "yes";
    }

    T Parse<T>(string name, T fallback, Func<string, T> parse)
    {
        var text = String(name);
        if (text is null) return fallback;
        try { return parse(text); }
        catch (Exception e) when (e is FormatException or OverflowException) { throw new ArgumentException($"--{name}: '{text}' is not a valid number"); }
    }

    /// <summary>Throws for options that were given but never asked for (typos).</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException("unknown option(s): " + string.Join(", ", unknown.Select(u => "--" + u)));
    }
}
