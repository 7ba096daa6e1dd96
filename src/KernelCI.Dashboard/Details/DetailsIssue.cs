using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Details;

/// <summary>One issue of GET build/{id}/issues or test/{id}/issues (upstream's Issue): its incidents on that build or
/// test counted by the build's or test's status.</summary>
internal sealed record DetailsIssue(string Id, long Version, string? Comment, string? ReportUrl, StatusCounts IncidentsInfo);
