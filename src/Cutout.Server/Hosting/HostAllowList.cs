using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Cutout.Server.Hosting;

/// <summary>
/// Answers only requests whose Host names this server: <c>Cutout:AllowedHosts</c> ("a;b", "*" for any), by default
/// the addresses it listens on (loopback: localhost, 127.0.0.1, [::1]; a wildcard address: any). A web page the user
/// visits cannot then reach a local server through a DNS name it controls (DNS rebinding).
/// </summary>
internal sealed class HostAllowList(IServer server, IOptions<CutoutServerOptions> options)
{
    static readonly string[] Loopback = ["localhost", "127.0.0.1", "::1"];
    HashSet<string>? _hosts;

    public bool Allows(HostString host)
    {
        _hosts ??= Build();
        return _hosts.Contains("*") || _hosts.Contains(Normalize(host.Host));
    }

    public string Describe() => string.Join(", ", (_hosts ??= Build()).Order());

    HashSet<string> Build()
    {
        var configured = options.Value.AllowedHosts;
        if (!string.IsNullOrWhiteSpace(configured))
            return new(configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Normalize),
                       StringComparer.OrdinalIgnoreCase);
        var hosts = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var host = Normalize(BindingAddress.Parse(address).Host);
            if (Loopback.Contains(host)) hosts.UnionWith(Loopback);
            else if (host is "0.0.0.0" or "::" or "*" or "+") hosts.Add("*");
            else hosts.Add(host);
        }
        return hosts.Count > 0 ? hosts : ["*"];
    }

    static string Normalize(string host) => host.Trim().TrimStart('[').TrimEnd(']').ToLowerInvariant();
}
