namespace KernelCI.Dashboard;

/// <summary>The "Dashboard" section (docs/configuration.md).</summary>
public sealed class DashboardOptions
{
    /// <summary>The web dashboard's public address, used in the links answers carry (tree-report's dashboard_url,
    /// search hits); empty means the listener's own address as the request reached it.</summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>Hosts `proxy/` fetches logs from besides our own storage: exact names, or `*.example.org` for every
    /// subdomain.</summary>
    public List<string> ProxyAllowedHosts { get; set; } = [];

    /// <summary>The most bytes `proxy/` reads from one log (after decompression).</summary>
    public long ProxyMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How long `proxy/` waits for a log server, in seconds.</summary>
    public int ProxyTimeoutSeconds { get; set; } = 45;

    /// <summary>The most live-results streams (`/live/…`, Server-Sent Events) open at once; more are answered 503.</summary>
    public int MaxLiveStreams { get; set; } = 1000;

    /// <summary>The most memory, in bytes (an estimate), the issue listing's cache keeps: one snapshot of the recent
    /// issue versions and the answers made from it (docs/dashboard-api.md, "The listing's cache"); 0 turns it off.</summary>
    public long IssueListingCacheBytes { get; set; } = 128L * 1024 * 1024;
}
