namespace KernelCI.Dashboard.Web.Trees;

/// <summary>One row of the builds table (upstream's columns: kernelci/dashboard:dashboard/src/components/BuildsTable/DefaultBuildsColumns.tsx).</summary>
public sealed record TreeBuildRow(string Id, string Config, string Architecture, string Compiler, string? StartTime, double? Duration,
    string Status, string? Lab, string Url);
