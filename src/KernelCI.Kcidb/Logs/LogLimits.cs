namespace KernelCI.Kcidb.Logs;

/// <summary>Where logs may be fetched from and how much of them: the dashboard proxy's Dashboard:ProxyAllowedHosts,
/// Dashboard:ProxyMaxBytes and Dashboard:ProxyTimeoutSeconds, read by every component that fetches logs (the proxy, and
/// KCIDB's triage of other origins' logs, docs/regressions.md), plus our own storage's addresses.</summary>
internal sealed record LogLimits(IReadOnlyList<string> AllowedHosts, long MaxBytes, int TimeoutSeconds)
{
    public const string Section = "Dashboard";

    public static LogLimits From(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var hosts = section.GetSection("ProxyAllowedHosts").GetChildren().Select(c => c.Value).OfType<string>().ToArray();
        var maxBytes = long.TryParse(section["ProxyMaxBytes"], out var m) && m > 0 ? m : 256L * 1024 * 1024;
        var timeout = int.TryParse(section["ProxyTimeoutSeconds"], out var t) && t > 0 ? t : 45;
        return new LogLimits(hosts, maxBytes, timeout);
    }
}
