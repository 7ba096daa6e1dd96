using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Summary;

internal sealed record ArchSummaryItem(string Arch, string Compiler, StatusCounts Status);
