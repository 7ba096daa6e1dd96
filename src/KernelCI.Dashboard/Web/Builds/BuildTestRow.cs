namespace KernelCI.Dashboard.Web.Builds;

/// <summary>One row of a build's tests and boots (upstream's TestsTable columns: path, status, start time, duration,
/// hardware; kernelci/dashboard:dashboard/src/components/TestsTable), linking to the test's page.</summary>
public sealed record BuildTestRow(string Id, string Path, string Status, string? StartTime, string? Duration, string? Hardware,
    string? Lab, string Url);
