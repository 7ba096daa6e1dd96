using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;

namespace KernelCI.Dashboard.Trees.Items;

/// <summary>The list items of a checkout set, filtered as upstream's tree-details views do (kernelci/dashboard:backend/kernelCI_app/views/treeDetailsBuildsView.py,
/// kernelci/dashboard:backend/kernelCI_app/views/treeDetailsBootsView.py, kernelci/dashboard:backend/kernelCI_app/views/treeDetailsTestsView.py): each build or test once, if any of its incident rows passes.</summary>
internal static class TreeItems
{
    public static IReadOnlyList<BuildItem> Builds(IReadOnlyList<BuildRow> rows, IReadOnlyList<CheckoutRow> checkouts, FilterSet filters)
    {
        var byId = checkouts.ToDictionary(c => c.Id);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<BuildItem>();
        foreach (var row in rows)
        {
            var architecture = row.Architecture ?? FilterSet.Unknown;
            var compiler = row.Compiler ?? FilterSet.Unknown;
            var config = row.ConfigName ?? FilterSet.Unknown;
            if (TestKinds.IsDummyBuild(row.Id) || seen.Contains(row.Id)
                || !filters.RecordPasses([row.MiscPlatform ?? FilterSet.Unknown], architecture, compiler, config, null)
                || !filters.BuildPasses(row.Status, row.Duration, row.Origin, row.Issue))
            {
                continue;
            }

            seen.Add(row.Id);
            var checkout = byId.GetValueOrDefault(row.CheckoutId);
            items.Add(new BuildItem(row.Id, row.Origin, architecture, config, row.Misc, row.ConfigUrl, compiler, row.Status, row.Duration,
                row.LogUrl, DashboardSql.FormatTime(row.StartTime), checkout?.GitUrl, checkout?.GitBranch));
        }

        return items;
    }

    public static IReadOnlyList<TestItem> Tests(IReadOnlyList<TestRow> rows, FilterSet filters, bool boots, bool fullEnvironmentMisc)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<TestItem>();
        foreach (var row in rows)
        {
            if (seen.Contains(row.Id) || row.IsBoot != boots)
            {
                continue;
            }

            var fact = row.ToFact();
            var passes = filters.RecordPasses([fact.HardwareKey], fact.Architecture, fact.Compiler, fact.Config, fact.Lab)
                && (boots
                    ? filters.BootPasses(fact.Path, row.Status, row.Duration, row.Platform, row.Origin, row.Issue)
                    : filters.TestPasses(fact.Path, row.Status, row.Duration, row.Platform, row.Origin, row.Issue));
            if (!passes)
            {
                continue;
            }

            seen.Add(row.Id);
            items.Add(new TestItem(row.Id, row.Origin, row.Status, row.Duration, fact.Path, DashboardSql.FormatTime(row.StartTime),
                row.Compatibles, fact.Config, row.LogUrl, fact.Architecture, fact.Compiler, row.Platform,
                fullEnvironmentMisc ? row.EnvironmentMisc : null, row.Lab));
        }

        return items;
    }
}
