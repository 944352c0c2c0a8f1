namespace Cutout.Cli;

/// <summary>The parsed command line of `cutout remove`.</summary>
sealed record RemoveArgs(List<string> Inputs, string Output, string? Model, RemoveOptions Options, int? Threads, bool Overwrite)
{
    public const string DefaultOutput = "cutout-out";

    public const string Usage = """
        Usage: cutout remove <files | folders | globs | -> [options]

          Cuts the subject out of each photo (JPEG, PNG, WebP, BMP, GIF). Folders are walked recursively and
          mirrored into the output folder; globs may use *, ? and **. `-` reads one image from stdin and writes
          the result to stdout.

        Options:
          -o, --output DIR     output folder (default: ./cutout-out); each output is DIR/<relative path>/<stem>.<format>
          --model M            "default" (shipped), "isnet" (after `cutout models pull isnet`), or a path to an .onnx
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

        Exit code: 0 all written or skipped, 1 some failed, 2 usage error. An input is never overwritten; outputs are
        written to a temporary file and renamed, so an interrupted run leaves no half-written file.
        """;

    public static RemoveArgs Parse(string[] args)
    {
        var inputs = new List<string>();
        string output = DefaultOutput, format = "png";
        string? model = null, background = null;
        var options = new RemoveOptions();
        int? threads = null;
        var overwrite = false;

        var reader = new ArgReader(args);
        while (reader.HasMore)
        {
            var token = reader.Next();
            switch (token)
            {
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
                case "-h" or "--help": throw new HelpRequested();
                case "-": inputs.Add(token); break;
                case var t when t.StartsWith('-'): throw new UsageException($"Unknown option {t} for `cutout remove`.");
                default: inputs.Add(token); break;
            }
        }

        if (inputs.Count == 0) throw new UsageException("No input given: name files, folders, globs, or - for stdin.");
        if (inputs.Contains("-") && inputs.Count > 1) throw new UsageException("`-` (stdin) cannot be mixed with other inputs.");
        options = options with { Format = ParseFormat(format) };
        options = WithBackground(options, background);
        try { OutputRenderer.Validate(options); }
        catch (CutoutException e) { throw new UsageException(e.Message); }
        return new RemoveArgs(inputs, output, model, options, threads, overwrite);
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
