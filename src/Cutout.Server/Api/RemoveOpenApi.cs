using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Cutout.Server.Api;

/// <summary>
/// Documents the two ways to send the image and the image that comes back. Done in the OpenAPI document only:
/// <c>Accepts</c> metadata would also make routing refuse other content types with a bare 415, where the endpoint
/// answers every case in plain words.
/// </summary>
internal static class RemoveOpenApi
{
    static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/webp", "image/bmp", "image/gif", "application/octet-stream"];

    public static Task Describe(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancel)
    {
        var content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = Binary("The image: JPEG, PNG, WebP, BMP or GIF."),
                        ["model"] = Text("Same as the query field."),
                        ["format"] = Text("Same as the query field."),
                        ["mask"] = Text("Same as the query field."),
                        ["bg"] = Text("Same as the query field."),
                        ["refine"] = Text("Same as the query field."),
                        ["raw_alpha"] = Text("Same as the query field."),
                        ["crop"] = Text("Same as the query field."),
                    },
                },
            },
        };
        foreach (var type in ImageTypes) content[type] = new OpenApiMediaType { Schema = Binary("The image as the raw body.") };
        operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
        operation.Responses ??= new OpenApiResponses();
        operation.Responses["200"] = new OpenApiResponse
        {
            Description = "The image without its background (or the mask alone), named <stem>-cutout.<ext>.",
            Content = new[] { "image/png", "image/webp", "image/jpeg" }
                .ToDictionary(type => type, _ => new OpenApiMediaType { Schema = Binary("The result.") }),
        };
        return Task.CompletedTask;
    }

    static OpenApiSchema Binary(string description) =>
        new() { Type = JsonSchemaType.String, Format = "binary", Description = description };

    static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
