using System.Net;
using System.Net.Sockets;
using System.Text;
using Cutout.Server.Tests.Infrastructure;
using Xunit;

namespace Cutout.Server.Tests;

/// <summary>Issue 14, items 4 and 8: a torn multipart body, foreign Host names and cross-origin posts.</summary>
public sealed class RequestOriginTests(ErrorTests.Server fixture) : IClassFixture<ErrorTests.Server>
{
    HttpClient Client => fixture.Running.Client;

    [Fact]
    public async Task A_multipart_body_without_its_closing_boundary_is_400_not_500()
    {
        var body = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n"u8.ToArray()
            .Concat(Images.Png(16, 16)).ToArray();   // no "\r\n--cut--"
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=cut");
        using var response = await Client.PostAsync("/api/remove", content);
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("closing boundary", detail);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.test:5000")]
    public async Task A_host_name_the_server_does_not_listen_on_is_refused(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = host;
        using var response = await Client.SendAsync(request);
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("127.0.0.1", detail);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Loopback_names_are_answered(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = $"{host}:{fixture.Running.BaseAddress.Port}";
        using var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_post_from_a_page_of_another_site_is_refused_and_from_the_own_page_accepted()
    {
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/api/remove") { Content = Images.Raw(Images.Png(16, 16)) };
        foreign.Headers.Add("Origin", "https://evil.example");
        using var refused = await Client.SendAsync(foreign);
        Assert.Contains("other sites", await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.Forbidden));

        using var own = new HttpRequestMessage(HttpMethod.Post, "/api/remove") { Content = Images.Raw(Images.Png(16, 16)) };
        own.Headers.Add("Origin", fixture.Running.BaseAddress.GetLeftPart(UriPartial.Authority));
        using var accepted = await Client.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task A_listed_origin_may_post()
    {
        await using var server = await RunningServer.StartAsync(["Cutout:AllowedOrigins=https://photos.example"], loader: _ => new EchoModel());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/remove") { Content = Images.Raw(Images.Png(16, 16)) };
        request.Headers.Add("Origin", "https://photos.example");
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_query_fields_are_400_naming_the_field()
    {
        using var response = await Client.PostAsync("/api/remove?backgroud=white", Images.Raw(Images.Png(16, 16)));
        Assert.Contains("'backgroud'", await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest));
    }

    [Fact]
    public async Task A_4_MB_option_value_is_not_echoed_back_in_full()
    {
        using var form = Images.Form(Images.Png(16, 16), "a.png", ("bg", new string('x', 4 * 1024 * 1024)));
        using var response = await Client.PostAsync("/api/remove", form);
        var detail = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(detail.Length < 300, $"{detail.Length} characters");
    }
}
