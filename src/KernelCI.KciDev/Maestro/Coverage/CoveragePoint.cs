namespace KernelCI.KciDev.Maestro.Coverage;

/// <summary>One coverage report: its tree/branch, commit, build node, function and line coverage (percent as the
/// JSON number of the report's `coverage.functions` / `coverage.lines` test node's `data.misc.measurement`, kept as
/// sent so it prints as upstream prints it) and artifacts.</summary>
internal sealed record CoveragePoint(string TreeBranch, string? Commit, string BuildId, string? Functions, string? Lines, string? ReportUrl, string? LogUrl);
