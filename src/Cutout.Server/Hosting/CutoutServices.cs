using Cutout.Server.Inference;
using Cutout.Server.Models;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cutout.Server.Hosting;

internal static class CutoutServices
{
    public static IServiceCollection AddCutoutServer(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CutoutServerOptions>().Bind(configuration.GetSection(CutoutServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CutoutServerOptions>, CutoutServerOptionsValidation>();
        services.TryAddSingleton<ModelLoader>(sp => OnnxModels.Loader(sp.GetRequiredService<IOptions<CutoutServerOptions>>().Value));
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<InferenceGate>();
        services.AddSingleton<HostAllowList>();
        services.AddHostedService<DefaultModelPreload>();

        services.AddProblemDetails();
        services.AddHealthChecks();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Cutout";
            document.Info.Description = "Background removal by semantic segmentation. Errors are application/problem+json.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
