using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Trees.Commits;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees.Listing;

/// <summary>`tree/`: the newest checkout of each (tree name, repository, branch) of an origin that started in the
/// window, read from the (origin, start_time) index, with its counts from dash_checkout_status (upstream reads its
/// latest_checkout and tree_listing tables: kernelci/dashboard:backend/kernelCI_app/queries/tree.py, get_tree_listing_data_denormalized).</summary>
internal static class TreeListing
{
    public static async Task<IReadOnlyList<TreeListingItem>> ReadAsync(DashboardDb db, string origin, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var newest = new Dictionary<(string?, string?, string?), CheckoutRow>();
        await using (var connection = await db.OpenAsync(cancellationToken))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {TreeCheckouts.Columns} FROM checkouts c
                WHERE c.origin = @origin AND c.start_time >= @since
                ORDER BY c.start_time DESC, c.id
                """;
            command.AddParameter("origin", origin);
            db.Sql.AddTime(command, "since", since);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = TreeCheckouts.Read(db, reader, 0);
                newest.TryAdd((row.TreeName, row.GitUrl, row.GitBranch), row);
            }
        }

        var totals = await CommitCounter.FromAggregatesAsync(db, newest.Values.Select(c => c.Id).ToList(), cancellationToken);
        return newest.Values
            .OrderBy(c => c.TreeName, StringComparer.Ordinal).ThenBy(c => c.GitBranch, StringComparer.Ordinal).ThenBy(c => c.GitUrl, StringComparer.Ordinal)
            .Select(c => new TreeListingItem(c.Id,
                totals.GetValueOrDefault((c.Id, "build"))?.Grouped() ?? new(),
                totals.GetValueOrDefault((c.Id, "boot"))?.Grouped() ?? new(),
                totals.GetValueOrDefault((c.Id, "test"))?.Grouped() ?? new(),
                c.TreeName, c.Tags, c.Origin, c.GitUrl, c.GitBranch, c.CommitHash, c.CommitName, DashboardSql.FormatTime(c.StartTime)))
            .ToList();
    }
}
