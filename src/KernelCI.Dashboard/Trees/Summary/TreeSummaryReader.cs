using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;

namespace KernelCI.Dashboard.Trees.Summary;

/// <summary>Builds a tree summary for a set of checkouts: builds (with their own incidents) from the builds rows, boots
/// and tests from dash_build_tests and from the incidents of the checkouts' tests, or from the checkouts' test rows
/// when a filter needs them (<see cref="TreeFilterKinds.NeedsTestRows"/>).</summary>
internal static class TreeSummaryReader
{
    public static async Task<(TreeSummaryResponse? Summary, string? Error)> ReadAsync(DashboardDb db, IReadOnlyList<CheckoutRow> checkouts,
        FilterSet filters, CancellationToken cancellationToken)
    {
        if (checkouts.Count == 0)
        {
            return (null, TreeStrings.NoResults);
        }

        var builds = await TreeRows.BuildsAsync(db, checkouts.Select(c => c.Id).ToList(), cancellationToken);
        return await ReadAsync(db, checkouts, builds, filters, cancellationToken);
    }

    /// <summary>The same, on the checkouts' builds already read (the tree details page shows them too, and reads them once).</summary>
    public static async Task<(TreeSummaryResponse? Summary, string? Error)> ReadAsync(DashboardDb db, IReadOnlyList<CheckoutRow> checkouts,
        IReadOnlyList<BuildRow> builds, FilterSet filters, CancellationToken cancellationToken)
    {
        var ids = checkouts.Select(c => c.Id).ToList();
        var parts = await CountAsync(db, ids, builds, filters, TreeFilterKinds.NeedsTestRows(filters), cancellationToken);
        if (builds.Count == 0)
        {
            return (null, parts.HasTests ? TreeStrings.NoBuilds : TreeStrings.NoResults);
        }

        var urls = checkouts.ToDictionary(c => c.Id, c => c.GitUrl);
        var treeUrl = builds.Select(b => urls.GetValueOrDefault(b.CheckoutId)).FirstOrDefault(u => u is not null);
        var tags = checkouts.FirstOrDefault(c => c.Id == builds[0].CheckoutId)?.Tags ?? [];
        var common = new TreeCommon([.. parts.Hardware], treeUrl, tags);
        var summary = new DetailsSummary(parts.Builds.Finish(), parts.Boots.Finish(), parts.Tests.Finish());
        var detailsFilters = new DetailsFilters(
            new GlobalFilters([.. parts.Builds.Configs], [.. parts.Builds.Architectures], [.. parts.Builds.Compilers]),
            parts.Builds.Filters(), parts.Boots.Filters(), parts.Tests.Filters());
        return (new TreeSummaryResponse(common, summary, detailsFilters), null);
    }

    /// <summary>The three builders fed with a checkout set's rows, not yet finished.</summary>
    public static async Task<SummaryParts> CountAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds, IReadOnlyList<BuildRow> builds,
        FilterSet filters, bool fromTestRows, CancellationToken cancellationToken)
    {
        var parts = new SummaryParts(new BuildSummaryBuilder(filters), new TestSummaryBuilder(filters, boots: true), new TestSummaryBuilder(filters, boots: false));
        foreach (var build in builds)
        {
            parts.Builds.Add(build);
        }

        // The values offered as filters and the hardware come from the aggregates and the incidents, filtered or not.
        var groups = await TreeRows.TestGroupsAsync(db, checkoutIds, cancellationToken);
        foreach (var fact in groups)
        {
            var part = fact.IsBoot ? parts.Boots : parts.Tests;
            parts.Hardware.Add(fact.HardwareKey);
            parts.HasTests = true;
            part.Offer(fact);
        }

        var incidents = await TreeRows.TestsAsync(db, checkoutIds, TreeRows.TestKind.All, withIncidentsOnly: true, cancellationToken);
        foreach (var test in incidents.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var fact = test.First().ToFact();
            OfferIssues(fact.IsBoot ? parts.Boots : parts.Tests, fact, test);
        }

        if (fromTestRows)
        {
            // Each test once if any of its incident rows passes (upstream's _sanitize_test_rows_legacy).
            var rows = await TreeRows.TestsAsync(db, checkoutIds, TreeRows.TestKind.All, withIncidentsOnly: false, cancellationToken,
                filters.BootPath, filters.TestPath);
            foreach (var test in rows.GroupBy(r => r.Id, StringComparer.Ordinal))
            {
                var fact = test.First().ToFact();
                var part = fact.IsBoot ? parts.Boots : parts.Tests;
                var passing = test.Where(r => part.Passes(fact, r.Issue)).ToList();
                if (passing.Count > 0)
                {
                    part.Count(fact);
                    CountIssues(part, fact, passing);
                }
            }

            return parts;
        }

        foreach (var fact in groups)
        {
            var part = fact.IsBoot ? parts.Boots : parts.Tests;
            if (part.Passes(fact, null))
            {
                part.Count(fact);
            }
        }

        foreach (var test in incidents.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var fact = test.First().ToFact();
            var part = fact.IsBoot ? parts.Boots : parts.Tests;
            if (part.Passes(fact, null))
            {
                CountIssues(part, fact, test);
            }
        }

        return parts;
    }

    private static void OfferIssues(TestSummaryBuilder part, TestFact fact, IEnumerable<TestRow> rows)
    {
        var first = fact.Status == "FAIL";
        foreach (var row in rows.Where(r => r.Issue is not null))
        {
            part.OfferIssue(row.Issue!, first);
            first = false;
        }
    }

    private static void CountIssues(TestSummaryBuilder part, TestFact fact, IEnumerable<TestRow> rows)
    {
        var first = fact.Status == "FAIL";
        foreach (var row in rows.Where(r => r.Issue is not null))
        {
            part.CountIssue(row.Issue!, fact.Status, row.IssueComment, row.IssueReportUrl, first);
            first = false;
        }
    }
}
