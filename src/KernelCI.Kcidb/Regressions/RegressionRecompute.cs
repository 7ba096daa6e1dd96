using KernelCI.Data;
using KernelCI.Kcidb.Regressions.Feed;

namespace KernelCI.Kcidb.Regressions;

/// <summary>Brings the regressions of the series a checkout touches up to date: reads those series' recent history
/// (<see cref="SeriesHistory"/>), analyses each (<see cref="SeriesAnalysis"/>) and saves the verdicts in one
/// transaction, in multi-row statements (<see cref="RegressionStore"/>). Running it twice gives the same rows.</summary>
public static class RegressionRecompute
{
    /// <summary>How many of a branch's newest checkouts are read.</summary>
    public const int WindowCheckouts = 50;

    /// <summary>The number of series analysed; 0 when the checkout has no tree or branch (nothing to compare it with).</summary>
    public static Task<int> ForCheckoutAsync(Database database, string checkoutId, TimeProvider time, CancellationToken cancellationToken,
        RegressionRules? rules = null) =>
        ForCheckoutsAsync(database, [checkoutId], time, cancellationToken, rules);

    /// <summary>The same for several checkouts: each branch's history is read once, however many of its checkouts changed.</summary>
    public static async Task<int> ForCheckoutsAsync(Database database, IReadOnlyCollection<string> checkoutIds, TimeProvider time,
        CancellationToken cancellationToken, RegressionRules? rules = null)
    {
        var analysed = 0;
        foreach (var ((tree, branch), changed) in await BranchesAsync(database, checkoutIds, cancellationToken))
        {
            var history = await SeriesHistory.ReadAsync(database, tree, branch, changed, WindowCheckouts, cancellationToken);
            if (history.Touched.Count == 0)
            {
                continue;
            }

            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            var invalid = await RegressionStore.InvalidAsync(connection, cancellationToken);
            var now = time.GetUtcNow().UtcDateTime;
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var changes = new RegressionChangeLog(database, connection, transaction);
            // Analysed in a stable order, so the change feed lists a recomputation's changes in the same order every time.
            var verdicts = history.Touched.OrderBy(k => k.Text, StringComparer.Ordinal)
                .Select(key => SeriesAnalysis.Analyze(key, history.Series[key], rules, invalid)).ToList();
            await RegressionStore.SaveAsync(database, connection, transaction, verdicts, history.Commits, now, changes, cancellationToken);

            await transaction.CommitAsync(cancellationToken);
            if (changes.Count > 0)
            {
                RegressionChanges.For(database).Notify();
            }
            analysed += history.Touched.Count;
        }

        return analysed;
    }

    /// <summary>Every branch's window analysed again, as if each of its checkouts had just changed (docs/regressions.md,
    /// "Full recomputation"): after changing <see cref="RegressionRules"/>, or to repair the tables. The number of series
    /// analysed.</summary>
    public static async Task<int> AllAsync(Database database, TimeProvider time, CancellationToken cancellationToken, RegressionRules? rules = null)
    {
        // Only the checkouts in some branch's window: older ones are never read again (ForCheckoutsAsync).
        var ids = new List<string>();
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT id FROM (
                    SELECT id, ROW_NUMBER() OVER (PARTITION BY tree_name, git_repository_branch ORDER BY COALESCE(start_time, _timestamp) DESC) AS n
                    FROM checkouts
                    WHERE tree_name IS NOT NULL AND git_repository_branch IS NOT NULL AND git_commit_hash IS NOT NULL
                ) recent
                WHERE n <= @n
                """;
            command.AddParameter("n", WindowCheckouts);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetString(0));
            }
        }

        return await ForCheckoutsAsync(database, ids, time, cancellationToken, rules);
    }

    // The checkouts' trees and branches; a checkout without both has nothing to be compared with.
    private static async Task<Dictionary<(string Tree, string Branch), HashSet<string>>> BranchesAsync(Database database,
        IReadOnlyCollection<string> checkoutIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Kind == DatabaseKind.Sqlite
            ? "SELECT id, tree_name, git_repository_branch FROM checkouts WHERE id IN (SELECT value FROM json_each(@ids))"
            : "SELECT id, tree_name, git_repository_branch FROM checkouts WHERE id = ANY(@ids)";
        command.AddParameter("ids", database.Kind == DatabaseKind.Sqlite ? System.Text.Json.JsonSerializer.Serialize(checkoutIds) : checkoutIds.ToArray());
        var branches = new Dictionary<(string, string), HashSet<string>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (reader.IsDBNull(1) || reader.IsDBNull(2))
            {
                continue;
            }

            var key = (reader.GetString(1), reader.GetString(2));
            if (!branches.TryGetValue(key, out var ids))
            {
                branches[key] = ids = new HashSet<string>(StringComparer.Ordinal);
            }

            ids.Add(reader.GetString(0));
        }

        return branches;
    }
}
