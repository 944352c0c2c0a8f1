using Microsoft.Extensions.Options;

namespace Cutout.Server.Hosting;

/// <summary>
/// Refuses, as problem+json, requests for a host this server does not answer to (400) and cross-origin POSTs from a
/// browser (403): a page on another site may not drive the API through the user's browser unless its origin is listed
/// in <c>Cutout:AllowedOrigins</c>. Clients that send no Origin (curl, scripts) are not browsers and pass.
/// </summary>
internal static class RequestOriginChecks
{
    public static IApplicationBuilder UseRequestOriginChecks(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var hosts = http.RequestServices.GetRequiredService<HostAllowList>();
        if (!hosts.Allows(http.Request.Host))
        {
            await Refuse(http, 400, "Unknown host", $"This server answers to {hosts.Describe()} only (setting Cutout:AllowedHosts).");
            return;
        }
        if (HttpMethods.IsPost(http.Request.Method) && IsCrossOrigin(http))
        {
            await Refuse(http, 403, "Cross-origin request",
                "This server does not take uploads from pages of other sites (setting Cutout:AllowedOrigins).");
            return;
        }
        await next(http);
    });

    static bool IsCrossOrigin(HttpContext http)
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (origin.Length == 0) return http.Request.Headers["Sec-Fetch-Site"] == "cross-site";
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return true;
        var sameOrigin = string.Equals(from.Authority, http.Request.Host.Value, StringComparison.OrdinalIgnoreCase) &&
                         string.Equals(from.Scheme, http.Request.Scheme, StringComparison.OrdinalIgnoreCase);
        if (sameOrigin) return false;
        var allowed = http.RequestServices.GetRequiredService<IOptions<CutoutServerOptions>>().Value.AllowedOrigins;
        return allowed?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(a => a == "*" || string.Equals(a.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) != true;
    }

    static Task Refuse(HttpContext http, int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(http);
}
