namespace KernelCI.Dashboard.Web.Metrics;

/// <summary>Marks a page endpoint that shares its path with a machine endpoint (the metrics page and the listener's
/// Prometheus `/metrics`): <see cref="BrowserPagePolicy"/> gives it the requests that ask for HTML.</summary>
internal sealed class BrowserPageMetadata
{
    public static BrowserPageMetadata Instance { get; } = new();
}
