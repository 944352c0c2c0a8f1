using System.Net;
using System.Text.Json;
using Xunit;

namespace Cutout.Server.Tests.Infrastructure;

public static class ProblemAssert
{
    /// <summary>Asserts an application/problem+json answer with this status and a readable detail; returns the detail.</summary>
    public static async Task<string> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body);   // never a stack trace
        using var json = JsonDocument.Parse(body);
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        var detail = json.RootElement.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        return detail;
    }
}
