namespace KernelCI.Bench.DashboardPages;

/// <summary>One page the benchmark opens: its key (for `--pages`), its name in the report and its path on the
/// dashboard's listener.</summary>
internal sealed record PageTarget(string Key, string Name, string Path);
