using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Dashboard.Statuses;
using KernelCI.Dashboard.Trees.Summary;

namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>Per-commit counts for the commit history: from dash_checkout_status when nothing is filtered (one read for
/// every commit), else through the summary's builders for each commit, so the filters mean what they mean there.</summary>
internal static class CommitCounter
{
    public static async Task<IReadOnlyList<CommitHistoryItem>> CountAsync(DashboardDb db, IReadOnlyList<(string Hash, IReadOnlyList<CheckoutRow> Checkouts)> commits,
        FilterSet filters, CommitTypes types, CancellationToken cancellationToken)
    {
        var items = new List<CommitHistoryItem>();
        var totals = TreeFilterKinds.IsEmpty(filters)
            ? await FromAggregatesAsync(db, commits.SelectMany(c => c.Checkouts).Select(c => c.Id).ToList(), cancellationToken)
            : null;
        foreach (var (hash, checkouts) in commits)
        {
            var ids = checkouts.Select(c => c.Id).ToList();
            StatusCounts builds, boots, tests;
            if (totals is not null)
            {
                builds = Sum(totals, ids, "build");
                boots = Sum(totals, ids, "boot");
                tests = Sum(totals, ids, "test");
            }
            else if (ids.Count == 0)
            {
                (builds, boots, tests) = (new StatusCounts(), new StatusCounts(), new StatusCounts());
            }
            else
            {
                var buildRows = await TreeRows.BuildsAsync(db, ids, cancellationToken);
                var parts = await TreeSummaryReader.CountAsync(db, ids, buildRows, filters, TreeFilterKinds.NeedsTestRows(filters), cancellationToken);
                (builds, boots, tests) = (parts.Builds.Finish().Status, parts.Boots.Finish().Status, parts.Tests.Finish().Status);
            }

            var first = checkouts.FirstOrDefault();
            var earliest = checkouts.Where(c => c.StartTime is not null).Select(c => c.StartTime).Min();
            items.Add(new CommitHistoryItem(hash, first?.CommitName ?? "", checkouts.SelectMany(c => c.Tags).Distinct().ToList(),
                DashboardSql.FormatTime(earliest),
                types.Builds ? builds : new StatusCounts(),
                LowerStatusCounts.From(types.Boots ? boots : new StatusCounts()),
                LowerStatusCounts.From(types.Tests ? tests : new StatusCounts())));
        }

        return items;
    }

    private static StatusCounts Sum(Dictionary<(string, string), StatusCounts> totals, IEnumerable<string> ids, string kind)
    {
        var sum = new StatusCounts();
        foreach (var id in ids)
        {
            if (totals.TryGetValue((id, kind), out var counts))
            {
                sum.Pass += counts.Pass;
                sum.Fail += counts.Fail;
                sum.Error += counts.Error;
                sum.Skip += counts.Skip;
                sum.Miss += counts.Miss;
                sum.Done += counts.Done;
                sum.Null += counts.Null;
            }
        }

        return sum;
    }

    /// <summary>dash_checkout_status of the checkouts, per (checkout, kind).</summary>
    public static async Task<Dictionary<(string, string), StatusCounts>> FromAggregatesAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds,
        CancellationToken cancellationToken)
    {
        var totals = new Dictionary<(string, string), StatusCounts>();
        if (checkoutIds.Count == 0)
        {
            return totals;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT checkout_id, kind, status, n FROM dash_checkout_status WHERE {db.Kcidb.InIds("checkout_id", "checkouts")}";
        db.Kcidb.AddIds(command, "checkouts", checkoutIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!totals.TryGetValue(key, out var counts))
            {
                counts = new StatusCounts();
                totals[key] = counts;
            }

            counts.Add(reader.GetString(2), Convert.ToInt64(reader.GetValue(3), System.Globalization.CultureInfo.InvariantCulture));
        }

        return totals;
    }
}
