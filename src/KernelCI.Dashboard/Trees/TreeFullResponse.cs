using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Trees.Summary;

namespace KernelCI.Dashboard.Trees;

/// <summary>`tree/{hash}/full`, upstream's legacy all-in-one answer (TreeDetailsFullResponse).</summary>
internal sealed record TreeFullResponse(IReadOnlyList<BuildItem> Builds, IReadOnlyList<TestItem> Boots, IReadOnlyList<TestItem> Tests,
    TreeCommon Common, DetailsSummary Summary, DetailsFilters Filters);
