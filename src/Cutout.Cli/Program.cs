using Cutout;
using Cutout.Cli;
using Spectre.Console;

// Piped output: tables as wide as they need, not cut to 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 240;

try
{
    return args switch
    {
        ["remove", .. var rest] => RemoveCommand.Run(rest),
        ["eval", .. var rest] => EvalCommand.Run(rest),
        ["models", .. var rest] => ModelsCommand.Run(rest),
        ["serve", .. var rest] => await ServeCommand.RunAsync(rest),
        ["--version"] => Version(),
        ["-h" or "--help" or "help"] => Help(ExitCodes.Ok),
        [] => Help(ExitCodes.Usage),
        [var unknown, ..] => throw new UsageException($"unknown command '{unknown}'."),
    };
}
catch (UsageException e)
{
    Console.Error.WriteLine("cutout: " + e.Message);
    Console.Error.WriteLine($"Try `{HelpFor(args)}`.");
    return ExitCodes.Usage;
}
catch (CutoutException e)
{
    Console.Error.WriteLine("cutout: " + e.Message);
    return ExitCodes.SomeFailed;
}

static int Version()
{
    Console.WriteLine(VersionText.Describe());
    return ExitCodes.Ok;
}

/// <summary>The help that documents the command whose usage was wrong.</summary>
static string HelpFor(string[] args) =>
    args is [("remove" or "eval" or "models" or "serve") and var command, ..] ? $"cutout {command} --help" : "cutout --help";

static int Help(int code)
{
    var text = """
        cutout: remove the background of photos with a segmentation model (ONNX Runtime, CPU).

        Commands:
          cutout remove <files|folders|globs|-> [options]   cut out the subject (see `cutout remove --help`)
          cutout eval --data DIR [--model M] [--json FILE] [--html FILE]
                                                          IoU, Dice, MAE, boundary F and latency on images/ + masks/
          cutout models list | pull isnet | path NAME      the shipped models and the optional IS-Net download
          cutout serve [--urls URL] [--model M]            web page and HTTP API (see `cutout serve --help`)
          cutout --version                                 the package version and the default model's name and version
        """;
    (code == ExitCodes.Ok ? Console.Out : Console.Error).WriteLine(text);
    return code;
}
