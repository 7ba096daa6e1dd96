namespace KernelCI.Dashboard.Trees.Report;

internal sealed record TreeReportIssues(IReadOnlyList<CheckoutIssue> Builds);
