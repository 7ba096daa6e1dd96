using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Dashboard.Web.Labs;

/// <summary>What the labs page shows: the labs (all of them, or the one of `/labs/{name}`), or why there are none:
/// the pipeline does not run in this host (<paramref name="Configured"/> false), or its lab view failed
/// (<paramref name="Problem"/>).</summary>
public sealed record LabsView(bool Configured, IReadOnlyList<LabReport> Labs, string? Single = null, string? Problem = null)
{
    public static LabsView NotConfigured { get; } = new(false, []);
}
