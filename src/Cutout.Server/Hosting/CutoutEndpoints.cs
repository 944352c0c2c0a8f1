using Cutout.Server.Api;
using Microsoft.Extensions.FileProviders;

namespace Cutout.Server.Hosting;

internal static class CutoutEndpoints
{
    /// <summary>The page (index.html, app.css, app.js), embedded in this assembly.</summary>
    static readonly IFileProvider Page = new EmbeddedFileProvider(typeof(CutoutEndpoints).Assembly, "Cutout.Server.wwwroot");

    public static WebApplication UseCutoutServer(this WebApplication app)
    {
        app.UseExceptionHandler();   // unexpected failures: a plain 500 problem, never a stack trace
        app.UseStatusCodePages();    // 404 / 405 as problem details too
        app.UseSecurityHeaders();
        app.UseRequestOriginChecks();
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = Page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = Page });

        app.MapOpenApi();
        app.MapHealthChecks("/healthz");

        var api = app.MapGroup("/api").AddEndpointFilter<ProblemFilter>().WithTags("Cutout");
        api.MapGet("/models", ModelsEndpoint.Handle)
            .WithSummary("The models a request may name.");
        api.MapPost("/remove", RemoveEndpoint.HandleAsync)
            .WithSummary("Remove the background from one image.")
            .WithDescription("Send the image as a multipart field 'file' or as the raw request body. " +
                             "Options go in the query string or as form fields.")
            .AddOpenApiOperationTransformer(RemoveOpenApi.Describe)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .DisableAntiforgery();
        return app;
    }
}
