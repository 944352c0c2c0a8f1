using Cutout.Server.Hosting;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace Cutout.Server;

/// <summary>Builds and runs the Cutout web app (<c>cutout serve</c>).</summary>
public static class ServerHost
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>Friendly switches on top of ASP.NET's own (<c>--urls</c>, <c>--Cutout:MaxUploadBytes</c>, ...).</summary>
    static readonly Dictionary<string, string> Switches = new()
    {
        ["--model"] = "Cutout:DefaultModel",
        ["--threads"] = "Cutout:IntraOpThreads",
        ["--concurrency"] = "Cutout:MaxConcurrentInferences",
    };

    /// <summary>Lowest-priority settings: per-request framework logs only at Warning, as in the ASP.NET templates.</summary>
    static readonly Dictionary<string, string?> QuietDefaults = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // RunAsync reports start failures in one line; the host would log them again with a stack trace.
        ["Logging:LogLevel:Microsoft.Extensions.Hosting.Internal.Host"] = "Critical",
    };

    public const string Usage = """
        Usage: cutout serve [--urls http://127.0.0.1:5000] [--model NAME] [--threads N] [--concurrency N]

        Runs the web page and HTTP API: POST /api/remove, GET /api/models, GET /healthz, /openapi/v1.json.
        Listens on loopback only unless --urls says otherwise. Every setting also comes from appsettings.json
        and environment variables as in any ASP.NET Core app, e.g. Cutout__MaxUploadBytes=52428800,
        Cutout__MaxPixels, Cutout__MaxConcurrentInferences, Cutout__MaxQueueLength, Cutout__RequestTimeout=00:01:00,
        Cutout__DefaultModel, ASPNETCORE_URLS.
        """;

    /// <summary>Builds the app; <paramref name="configure"/> may replace services (tests swap the model loader).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = QuietDefaults });
        builder.Configuration.AddCommandLine(args, Switches);
        if (!HasConfiguredAddress(builder.Configuration)) builder.WebHost.UseUrls(DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddCutoutServer(builder.Configuration);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseCutoutServer();
        return app;
    }

    /// <summary>Runs until Ctrl+C; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancel = default)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        try
        {
            await using var app = Build(args);
            await app.StartAsync(cancel);
            await app.WaitForShutdownAsync(cancel);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine("cutout serve: " + string.Join(" ", e.Failures));
            return 2;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Console.Error.WriteLine("cutout serve: " + e.Message);
            return 1;
        }
    }

    static bool HasConfiguredAddress(IConfiguration config) =>
        !string.IsNullOrEmpty(config["urls"]) || !string.IsNullOrEmpty(config["http_ports"]) ||
        !string.IsNullOrEmpty(config["https_ports"]) || config.GetSection("Kestrel:Endpoints").Exists();
}
