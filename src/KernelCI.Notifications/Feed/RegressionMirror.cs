using System.Text.Json;
using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Data;
using KernelCI.Notifications.Outbox;

namespace KernelCI.Notifications.Feed;

/// <summary>Every regression as the feed last gave it, kept in the feed page's transaction: what a checkout summary
/// lists (new, fixed, still failing, unstable) without asking KCIDB for a tree's regressions.</summary>
internal static class RegressionMirror
{
    public static async Task ApplyAsync(OutboxWriter writer, KcidbRegressionChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (change.Regression is not { } r)
        {
            // A removed regression (a status corrected from FAIL to PASS) was never one.
            await using var delete = writer.Command("DELETE FROM notification_regressions WHERE id = @id");
            delete.AddParameter("id", change.Id);
            await delete.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var upsert = writer.Command("""
            INSERT INTO notification_regressions (id, tree, branch, regression, updated_at, opened_at, fixed_at)
            VALUES (@id, @tree, @branch, @regression, @now, @now, @fixed)
            ON CONFLICT (id) DO UPDATE SET tree = excluded.tree, branch = excluded.branch, regression = excluded.regression,
                updated_at = excluded.updated_at,
                fixed_at = CASE WHEN excluded.fixed_at IS NULL THEN NULL ELSE COALESCE(notification_regressions.fixed_at, excluded.fixed_at) END
            """);
        upsert.AddParameter("id", r.Id);
        upsert.AddParameter("tree", r.TreeName);
        upsert.AddParameter("branch", r.Branch);
        upsert.AddParameter("regression", JsonSerializer.Serialize(r));
        upsert.AddParameter("now", Millis.Of(now));
        // When this component learned of it: what the weekly metrics count as opened and fixed.
        upsert.AddParameter("fixed", r.State is "fixed" or "closed" ? Millis.Of(now) : null).DbType = System.Data.DbType.Int64;
        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Regressions first seen, and seen fixed, in [from, until): the weekly metrics' figures.</summary>
    public static async Task<(long Opened, long Fixed)> CountAsync(OutboxWriter writer, DateTimeOffset from, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        await using var command = writer.Command("""
            SELECT (SELECT COUNT(*) FROM notification_regressions WHERE opened_at >= @from AND opened_at < @until),
                   (SELECT COUNT(*) FROM notification_regressions WHERE fixed_at >= @from AND fixed_at < @until)
            """);
        command.AddParameter("from", Millis.Of(from));
        command.AddParameter("until", Millis.Of(until));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The regressions of a tree and branch, in the caller's transaction.</summary>
    public static async Task<List<KcidbRegression>> OfBranchAsync(OutboxWriter writer, string tree, string branch, CancellationToken cancellationToken)
    {
        await using var command = writer.Command("SELECT regression FROM notification_regressions WHERE tree = @tree AND branch = @branch ORDER BY id");
        command.AddParameter("tree", tree);
        command.AddParameter("branch", branch);
        var regressions = new List<KcidbRegression>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            regressions.Add(JsonSerializer.Deserialize<KcidbRegression>(reader.GetString(0))!);
        }

        return regressions;
    }
}
