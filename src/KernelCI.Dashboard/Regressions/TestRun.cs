namespace KernelCI.Dashboard.Regressions;

/// <summary>One run of a test in a tree's history, with the dimensions runs are grouped by to form one test's history
/// (path, platform, config, architecture, compiler: upstream's kcidb_tests_results partition).</summary>
internal sealed record TestRun(
    string Id,
    string? Path,
    string? Status,
    DateTimeOffset? StartTime,
    string? Platform,
    string? ConfigName,
    string? Architecture,
    string? Compiler,
    string? CommitHash);
