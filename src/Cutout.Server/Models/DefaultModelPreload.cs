using Microsoft.Extensions.Options;

namespace Cutout.Server.Models;

/// <summary>Loads the default model right after start, so the first visitor does not wait and a missing model shows in the log.</summary>
internal sealed class DefaultModelPreload(ModelRegistry registry, IOptions<CutoutServerOptions> options, ILogger<DefaultModelPreload> log)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stopping) => options.Value.PreloadDefaultModel
        ? Task.Run(Load, stopping)
        : Task.CompletedTask;

    void Load()
    {
        var name = ModelNames.Canonical(null, options.Value);
        try
        {
            registry.Get(name);
            log.LogInformation("Model {Model} is loaded and ready", name);
        }
        catch (CutoutException e)
        {
            log.LogWarning("The default model is not available yet: {Reason} Requests will fail until it is installed.", e.Message);
        }
    }
}
