namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>`tree/{hash}/summary` (upstream's SummaryResponse, kernelci/dashboard: backend/kernelCI_app/typeModels/treeDetails.py).</summary>
internal sealed record TreeSummaryResponse(TreeCommon Common, DetailsSummary Summary, DetailsFilters Filters);
