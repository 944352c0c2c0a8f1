using Spectre.Console;

namespace Cutout.Cli;

/// <summary>cutout models list | pull isnet | path NAME</summary>
static class ModelsCommand
{
    public const string Usage = """
        Usage: cutout models list             shipped models and IS-Net, with whether each is present
               cutout models pull isnet       download IMG.LY's IS-Net (AGPL-3.0) into the user cache, via npm
               cutout models path NAME        print the .onnx path(s) of NAME ("default", "auto", "people", "general", "isnet", a shipped name or a path)
        Cache folder: $CUTOUT_CACHE, else $XDG_CACHE_HOME/cutout/models, else ~/.cache/cutout/models.
        """;

    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["list"]: return List();
            case ["pull", var name] when name.Equals(ModelCatalog.IsNet, StringComparison.OrdinalIgnoreCase): return Pull();
            case ["path", var name]:
                foreach (var path in ModelCatalog.Choose(name).Paths) Console.WriteLine(path);
                return ExitCodes.Ok;
            case ["-h" or "--help"] or []:
                Console.WriteLine(Usage);
                return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
            default:
                Console.Error.WriteLine(Usage);
                return ExitCodes.Usage;
        }
    }

    static int List()
    {
        var table = new Table().AddColumns("name", "cuts out", "present", "default", "source", "license", "path");
        foreach (var m in ModelCatalog.List())
            table.AddRow(Markup.Escape(m.Name), Markup.Escape(CutsOut(m.Subject)), m.Present ? "yes" : "no", m.IsDefault ? "yes" : "", Markup.Escape(m.Source),
                Markup.Escape(m.License ?? ""), Markup.Escape(m.Path));
        AnsiConsole.Write(table);
        return ExitCodes.Ok;
    }

    static string CutsOut(string? subject) => subject switch
    {
        ModelCatalog.People => "people (alias: people)",
        ModelCatalog.General => "the main subject of any kind (alias: general)",
        ModelCatalog.Auto => "people; else the main subject",
        _ => "",
    };

    static int Pull()
    {
        var path = IsNetPull.Run(line => Console.Error.WriteLine(line));
        Console.WriteLine(path);
        Console.Error.WriteLine($"IS-Net is licensed {IsNetPull.License}. It stays in your cache and is never shipped with Cutout.");
        return ExitCodes.Ok;
    }
}
