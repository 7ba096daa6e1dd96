namespace KernelCI.Bench.Dashboard;

/// <summary>One endpoint the pages and kci-dev call: <see cref="Request"/> builds the request on target number i
/// (0 is the warm target).</summary>
internal sealed record DashboardEndpoint(string Name, Func<int, HttpRequestMessage> Request, string? Baseline = null);
