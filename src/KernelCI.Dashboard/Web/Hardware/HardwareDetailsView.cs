using KernelCI.Dashboard.Web.Shared;
using KernelCI.Dashboard.Web.Trees;

namespace KernelCI.Dashboard.Web.Hardware;

/// <summary>A hardware's page: its window and origin, its trees (the selection lives in `treeIndexes`), the counts on
/// each tab's label, the summary cards the tree pages do not have (labs; configs and architectures of boots and
/// tests), and the open tab's content (one of the tabs is set).</summary>
public sealed record HardwareDetailsView(PageLink Link, string Hardware, IReadOnlyList<string> Compatibles, int IntervalDays, string Origin, string Tab,
    IReadOnlyList<HardwareTreeRow> Trees, StatusTally Builds, StatusTally Boots, StatusTally Tests, IReadOnlyList<NamedCount> Labs,
    IReadOnlyList<NamedCount> Configs, IReadOnlyList<NamedCount> Architectures, IReadOnlyList<(string Key, string Value)> Filters, string Command,
    TreeBuildsTab? BuildsTab, TreeTestsTab? TestsTab);
