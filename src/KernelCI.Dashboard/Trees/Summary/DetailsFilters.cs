namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>The values the UI can offer as filters, from the unfiltered rows.</summary>
internal sealed record DetailsFilters(GlobalFilters All, LocalFilters Builds, LocalFilters Boots, LocalFilters Tests);
