using Microsoft.Extensions.Options;

namespace Cutout.Server.Api;

/// <summary>Answers expected failures of an endpoint with problem details; anything else goes to the exception handler.</summary>
internal sealed class ProblemFilter(IOptions<CutoutServerOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (Problems.For(e, context.HttpContext, options.Value) is { } problem)
        {
            return problem;
        }
    }
}
