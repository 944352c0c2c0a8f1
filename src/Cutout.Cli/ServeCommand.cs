namespace Cutout.Cli;

/// <summary><c>cutout serve [--urls ...] [--model ...]</c>: the web page and HTTP API, until Ctrl+C.</summary>
internal static class ServeCommand
{
    /// <param name="args">The arguments after "serve"; ASP.NET reads --urls and any other setting from them.</param>
    public static int Run(string[] args) => Cutout.Server.ServerHost.RunAsync(args).GetAwaiter().GetResult();
}
