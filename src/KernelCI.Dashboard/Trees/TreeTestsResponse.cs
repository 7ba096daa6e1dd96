using KernelCI.Dashboard.Trees.Items;
using KernelCI.Dashboard.Trees.Summary;

namespace KernelCI.Dashboard.Trees;

internal sealed record TreeTestsResponse(IReadOnlyList<TestItem> Tests);
