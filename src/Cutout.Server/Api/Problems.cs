using Cutout.Server.Inference;

namespace Cutout.Server.Api;

/// <summary>Turns every expected failure into application/problem+json with the right status and plain words.</summary>
internal static class Problems
{
    public static IResult? For(Exception error, HttpContext http, CutoutServerOptions limits) => error switch
    {
        RequestRejectedException r => Problem(r.Status, r.Title, r.Message),
        CutoutException c => FromLibrary(c),
        ServerBusyException => RetryLater(http, limits,
            "The server is busy with other images right now. Please try again in a few seconds."),
        OperationCanceledException when !http.RequestAborted.IsCancellationRequested => RetryLater(http, limits,
            $"Removing the background took longer than the server allows ({limits.RequestTimeout.TotalSeconds:0} s). " +
            "Please try again, or use a smaller image."),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => For(Upload.TooLarge(limits), http, limits),
        BadHttpRequestException b => Problem(b.StatusCode, "Bad request", "The upload could not be read. Please send it again."),
        InvalidDataException => Problem(400, "Bad upload", "The multipart form could not be read. Send the image in a field named 'file'."),
        _ => null,
    };

    static IResult FromLibrary(CutoutException e) => e.Kind switch
    {
        CutoutErrorKind.NotAnImage => Problem(415, "Not an image", e.Message),
        CutoutErrorKind.BadImage => Problem(400, "Damaged image", e.Message),
        CutoutErrorKind.TooLarge => Problem(413, "Image too large", e.Message),
        CutoutErrorKind.UnsupportedOption => Problem(400, "Unsupported option", e.Message),
        CutoutErrorKind.ModelNotFound => Problem(400, "Unknown model", e.Message),
        _ => Problem(500, "Server problem", e.Message),
    };

    static IResult RetryLater(HttpContext http, CutoutServerOptions limits, string detail)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(limits.RetryAfter.TotalSeconds)).ToString();
        return Problem(503, "Server busy", detail);
    }

    static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
