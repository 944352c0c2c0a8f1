using Microsoft.AspNetCore.Http.Features;

namespace Cutout.Server.Api;

/// <summary>The image bytes of a request and the option fields sent with it (query, then form fields, which win).</summary>
internal sealed record Upload(byte[] Image, string? FileName, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Room for multipart boundaries and option fields on top of the image itself.</summary>
    const long MultipartOverhead = 64 * 1024;

    public static async Task<Upload> ReadAsync(HttpRequest request, CutoutServerOptions limits, CancellationToken cancel)
    {
        var bodyLimit = limits.MaxUploadBytes + MultipartOverhead;
        if (request.ContentLength > bodyLimit) throw TooLarge(limits);
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = bodyLimit;

        var fields = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (IsMultipart(request))
        {
            var form = await ReadFormAsync(request, cancel);
            foreach (var (key, value) in form) fields[key] = value.ToString();
            var file = form.Files.GetFile("file") ?? throw new RequestRejectedException(400, "No image",
                "The form has no image. Send it in a multipart field named 'file'.");
            if (file.Length > limits.MaxUploadBytes) throw TooLarge(limits);
            await using var stream = file.OpenReadStream();
            return new Upload(await ReadAllAsync(stream, limits, cancel), file.FileName, fields);
        }

        return new Upload(await ReadAllAsync(request.Body, limits, cancel), null, fields);
    }

    /// <summary>A body that ends before the closing boundary is the client's mistake (400), not the server's (500).</summary>
    static async Task<IFormCollection> ReadFormAsync(HttpRequest request, CancellationToken cancel)
    {
        try
        {
            return await request.ReadFormAsync(cancel);
        }
        catch (IOException) when (!cancel.IsCancellationRequested)
        {
            throw new RequestRejectedException(400, "Bad upload",
                "The multipart form ended before its closing boundary. Please send the image again.");
        }
    }

    /// <summary>Only multipart carries a file; anything else, even curl's default urlencoded type, is the image itself.</summary>
    static bool IsMultipart(HttpRequest request) =>
        request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;

    static async Task<byte[]> ReadAllAsync(Stream source, CutoutServerOptions limits, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > limits.MaxUploadBytes) throw TooLarge(limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new RequestRejectedException(400, "No image",
                "The request has no image. Send it as the request body or in a multipart field named 'file'.");
        return buffer.ToArray();
    }

    public static RequestRejectedException TooLarge(CutoutServerOptions limits) => new(413, "File too large",
        $"The file is larger than this server accepts ({Sizes.Bytes(limits.MaxUploadBytes)}). Please use a smaller image.");
}
