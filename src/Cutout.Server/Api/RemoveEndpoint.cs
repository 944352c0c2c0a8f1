using System.ComponentModel;
using System.Globalization;
using Cutout.Server.Inference;
using Cutout.Server.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Cutout.Server.Api;

/// <summary>POST /api/remove: one image in, the cut-out image out.</summary>
internal static class RemoveEndpoint
{
    /// <summary>The option fields, as the OpenAPI document shows them; the same names also work as form fields.</summary>
    internal sealed record Query(
        [property: FromQuery(Name = "model"), Description("Model name from GET /api/models; the server's default when absent.")] string? Model,
        [property: FromQuery(Name = "format"), Description("png (default), webp or jpeg (jpeg has no transparency: give it a bg).")] string? Format,
        [property: FromQuery(Name = "mask"), Description("true: return the 8-bit mask alone (PNG).")] string? Mask,
        [property: FromQuery(Name = "bg"), Description("Background: transparent (default), a colour (#rrggbb, #rgb, CSS name) or blur.")] string? Bg,
        [property: FromQuery(Name = "refine"), Description("true: matte the edges at full resolution and estimate the subject's own colours there.")] string? Refine,
        [property: FromQuery(Name = "raw_alpha"), Description("true: keep the model's own alpha (default: exactly 0 and 255 away from the subject's outline).")] string? RawAlpha,
        [property: FromQuery(Name = "crop"), Description("true: crop to the subject.")] string? Crop);

    public static async Task<IResult> HandleAsync(
        [AsParameters] Query query, HttpContext http, ModelRegistry models, InferenceGate gate,
        IOptions<CutoutServerOptions> options)
    {
        var limits = options.Value;
        var upload = await Upload.ReadAsync(http.Request, limits, http.RequestAborted);
        var request = RemoveRequest.Parse(upload.Fields, limits);
        // Reads chunk lengths only; every decoder call, header probe included, waits for the gate below.
        ImageProbe.CheckStructure(upload.Image);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        deadline.CancelAfter(limits.RequestTimeout);
        var modelName = ModelNames.Canonical(request.Model, limits);
        var result = await gate.RunAsync(() =>
        {
            deadline.Token.ThrowIfCancellationRequested();
            PixelBudget.Check(upload.Image, limits);
            return models.Get(modelName).Remove(upload.Image, request.Options);
        }, deadline.Token);

        http.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture,
            $"model;dur={result.ModelTime.TotalMilliseconds:0.#}, total;dur={result.TotalTime.TotalMilliseconds:0.#}");
        http.Response.Headers[CutoutHeaders.Model] = result.Model;
        http.Response.Headers[CutoutHeaders.SubjectFound] = result.SubjectFound ? "true" : "false";
        return TypedResults.File(result.Data, result.ContentType, DownloadName(upload.FileName, result.Extension));
    }

    static string DownloadName(string? uploadedName, string extension)
    {
        var stem = Path.GetFileNameWithoutExtension(uploadedName ?? "");
        return (stem.Length > 0 ? stem : "image") + "-cutout" + (extension.StartsWith('.') ? extension : "." + extension);
    }
}
