using Cutout.Server.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Cutout.Server.Tests.Infrastructure;

/// <summary>The real app on a real Kestrel at http://127.0.0.1:(free port).</summary>
public sealed class RunningServer : IAsyncDisposable
{
    public WebApplication App { get; }
    public Uri BaseAddress { get; }
    public HttpClient Client { get; }

    RunningServer(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <param name="settings">Configuration as "Key=Value", e.g. "Cutout:MaxUploadBytes=1000".</param>
    /// <param name="loader">Replaces the real models; null uses <see cref="TestModel"/>.</param>
    public static async Task<RunningServer> StartAsync(IEnumerable<string>? settings = null, ModelLoader? loader = null)
    {
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            .. TestModel.Settings,
            .. (settings ?? []).Select(s => "--" + s),
        ];
        loader ??= TestModel.Loader;
        var app = ServerHost.Build(args, builder =>
        {
            if (loader != null) builder.Services.AddSingleton(loader);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new RunningServer(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
