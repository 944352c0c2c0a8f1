namespace Cutout.Cli;

/// <summary>`cutout serve`: the web page and HTTP API, owned by Cutout.Server.</summary>
static class ServeCommand
{
    public static Task<int> RunAsync(string[] args) => Cutout.Server.ServerHost.RunAsync(args);
}
