using KernelCI.ServiceDefaults;
using Microsoft.Extensions.Options;

namespace KernelCI.Dashboard;

/// <summary>Checks the "Dashboard" section at start; each failure names its key.</summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        var rules = new OptionsRules()
            .Require(options.PublicUrl.Length == 0 || Uri.TryCreate(options.PublicUrl, UriKind.Absolute, out _),
                "Dashboard:PublicUrl must be an absolute URL")
            .Require(options.ProxyMaxBytes > 0, "Dashboard:ProxyMaxBytes must be positive")
            .Require(options.ProxyTimeoutSeconds is > 0 and <= 600, "Dashboard:ProxyTimeoutSeconds must be 1-600")
            .Require(options.MaxLiveStreams > 0, "Dashboard:MaxLiveStreams must be positive")
            .Require(options.IssueListingCacheBytes >= 0, "Dashboard:IssueListingCacheBytes must not be negative");
        for (var i = 0; i < options.ProxyAllowedHosts.Count; i++)
        {
            var host = options.ProxyAllowedHosts[i];
            rules.Require(IsHostPattern(host), $"Dashboard:ProxyAllowedHosts:{i} must be a host name or *.domain");
        }

        return rules.Result;
    }

    // A host name without scheme, port or path; a `*` only as the whole first label (`*.kernelci.org`).
    private static bool IsHostPattern(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return name.Length > 0 && Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            && !name.Contains('*', StringComparison.Ordinal);
    }
}
