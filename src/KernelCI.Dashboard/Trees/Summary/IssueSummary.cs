using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>An issue with incidents in the checkout, and its incidents per status of the build or test.</summary>
internal sealed record IssueSummary(string Id, long Version, string? Comment, string? ReportUrl, StatusCounts IncidentsInfo);
