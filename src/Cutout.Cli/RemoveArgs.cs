namespace Cutout.Cli;

/// <summary>The parsed command line of `cutout remove`.</summary>
sealed record RemoveArgs(List<string> Inputs, string Output, string? Model, RemoveOptions Options, int? Threads, bool Overwrite,
                         bool OutputIsFile = false, Shard? Shard = null)
{
    public const string DefaultOutput = "cutout-out";

    public const string Usage = """
        Usage: cutout remove <files | folders | globs | -> [options]

          Cuts the subject out of each photo (JPEG, PNG, WebP, BMP, GIF). Folders are walked recursively and
          mirrored into the output folder; globs may use *, ? and **. `-` reads one image from stdin and writes
          the result to stdout (or to -o FILE); stdout must then be redirected, not a terminal.

        Options:
          -o, --output DIR     output folder (default: ./cutout-out); each output is DIR/<relative path>/<stem>.<format>
          -o, --output FILE    with one input: the output file itself, when it ends in .png, .webp, .jpg or .jpeg
                               (its extension sets the format)
          --model M            auto (people, else the main subject) | people | general (any main subject) |
                               default (models/default.json) | isnet (after `cutout models pull isnet`) | a path to an .onnx
                               with its sidecar .json
          --mask               write the 8-bit greyscale mask alone (PNG)
          --bg COLOR|IMAGE|blur  put the subject on a colour (#rrggbb, #rgb, CSS name), on an image file, or on a
                               blurred copy of the photo (the output is then opaque)
          --format F           png (default), webp or jpg (jpg needs --bg: JPEG has no transparency)
          --refine             edge matting at full resolution from the photo's colours, and the subject's own colours
                               estimated along its edges (no tint of the old background in hair and fine edges)
          --raw-alpha          keep the model's own alpha (default: clean alpha, exactly 0 and 255 away from the
                               subject's outline, soft only along it)
          --threshold T        hard threshold 0..1 on the alpha
          --clean N            remove specks and fill holes smaller than N pixels
          --crop               crop to the subject; --crop-margin N pixels around it (default 16)
          --threads N          images processed in parallel with one shared model (default: one per core)
          --overwrite          replace existing outputs (default: skip them)
          --                   ends the options: every argument after it is an input, even one starting with -
          --shard i/n          process only part i of n (0-based) of the sorted input list: n processes with the same
                               arguments and i = 0..n-1 write every output exactly once

        A photo in which the model finds no subject is still written (fully transparent) and reported as a warning with
        its remedy; the summary counts such files.
        Exit code: 0 all written or skipped, 1 some failed, 2 usage error. An input is never overwritten, whatever path
        leads to it; outputs are written to a temporary file and renamed, so an interrupted run leaves no half-written
        file. Walks skip symbolic links to folders and anything that is not a regular file, and say so.
        """;

    public static RemoveArgs Parse(string[] args)
    {
        var inputs = new List<string>();
        string? output = null, format = null;
        string? model = null, background = null;
        var options = new RemoveOptions();
        int? threads = null;
        var overwrite = false;
        Shard? shard = null;

        var reader = new ArgReader(args);
        var optionsEnded = false;
        while (reader.HasMore)
        {
            var token = reader.Next();
            if (optionsEnded)
            {
                inputs.Add(token);
                continue;
            }
            switch (token)
            {
                case "--": optionsEnded = true; break;
                case "-o" or "--output": output = reader.Value(token); break;
                case "--model": model = reader.Value(token); break;
                case "--mask": options = options with { Mask = true }; break;
                case "--bg" or "--background": background = reader.Value(token); break;
                case "--format": format = reader.Value(token); break;
                case "--refine": options = options with { Refine = true }; break;
                case "--raw-alpha": options = options with { RawAlpha = true }; break;
                case "--threshold": options = options with { Threshold = reader.Float(token, 0, 1) }; break;
                case "--clean": options = options with { CleanArea = reader.Int(token, 0) }; break;
                case "--crop": options = options with { Crop = true }; break;
                case "--crop-margin": options = options with { CropMargin = reader.Int(token, 0) }; break;
                case "--threads": threads = reader.Int(token, 1); break;
                case "--overwrite": overwrite = true; break;
                case "--shard": shard = Shard.Parse(reader.Value(token)); break;
                case "-h" or "--help": throw new HelpRequested();
                case "-": inputs.Add(token); break;
                case var t when t.StartsWith('-'): throw new UsageException($"Unknown option {t} for `cutout remove`.");
                default: inputs.Add(token); break;
            }
        }

        if (inputs.Count == 0) throw new UsageException("No input given: name files, folders, globs, or - for stdin.");
        if (inputs.Contains("-") && inputs.Count > 1) throw new UsageException("`-` (stdin) cannot be mixed with other inputs.");
        var target = OutputTarget.Of(output ?? DefaultOutput);
        if (target.IsFile && inputs.Count > 1)
            throw new UsageException($"-o {output} names one file, but {inputs.Count} inputs are given; name a folder for several.");
        if (inputs is ["-"] && output != null && !target.IsFile)
            throw new UsageException($"With `-` (stdin), -o must name an image file (e.g. -o out.png), not '{output}'; leave it out to write to stdout.");
        options = options with { Format = FormatFor(format, target, options.Mask) };
        options = WithBackground(options, background);
        try { OutputRenderer.Validate(options); }
        catch (CutoutException e) { throw new UsageException(e.Message); }
        return new RemoveArgs(inputs, target.Path, model, options, threads, overwrite, target.IsFile, shard);
    }

    /// <summary>--format, else the output file's extension, else PNG; the two must agree when both are given.</summary>
    static OutputFormat FormatFor(string? format, OutputTarget target, bool mask)
    {
        var fromFile = target.FileFormat;
        var chosen = format is null ? fromFile ?? OutputFormat.Png : ParseFormat(format);
        if (fromFile is { } extension && (extension != chosen || mask && extension != OutputFormat.Png))
            throw new UsageException($"-o {target.Path} does not match the output format ({(mask ? "--mask writes PNG" : "--format " + format)}).");
        return chosen;
    }

    static OutputFormat ParseFormat(string format) => format.ToLowerInvariant() switch
    {
        "png" => OutputFormat.Png,
        "webp" => OutputFormat.WebP,
        "jpg" or "jpeg" => OutputFormat.Jpeg,
        _ => throw new UsageException($"--format must be png, webp or jpg, not '{format}'."),
    };

    static RemoveOptions WithBackground(RemoveOptions options, string? background)
    {
        if (background is null) return options;
        if (background.Equals("blur", StringComparison.OrdinalIgnoreCase) || CssColor.TryParse(background, out _)) return options with { Background = background };
        if (!File.Exists(background))
            throw new UsageException($"--bg '{background}' is not a colour (#rrggbb, #rgb, CSS name), 'blur', or an existing image file.");
        var bytes = File.ReadAllBytes(background);
        try { ImageProbe.Probe(bytes); }
        catch (CutoutException e) { throw new UsageException($"--bg {background}: {e.Message}"); }
        return options with { BackgroundImage = bytes };
    }
}

/// <summary>`--help` anywhere on the command line.</summary>
sealed class HelpRequested : Exception;
