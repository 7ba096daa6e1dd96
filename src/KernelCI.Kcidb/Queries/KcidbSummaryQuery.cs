using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Queries;

/// <summary>Status summaries of a checkout's builds and tests, or of a build's tests, counted in the database.</summary>
internal sealed class KcidbSummaryQuery(Database database, QuerySql sql)
{
    public async Task<CheckoutSummary?> CheckoutAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var found = false;
        bool? valid = null;
        await QueryRunner.ReadAsync(connection, "SELECT valid FROM checkouts WHERE id = @id", c => c.AddParameter("id", id), r =>
        {
            found = true;
            valid = (bool?)sql.Read(r, 0, ColumnKind.Bool);
        }, cancellationToken);
        if (!found)
        {
            return null;
        }

        var builds = await CountAsync(connection, id,
            $"SELECT {sql.EnumAsText("status")}, COUNT(*) FROM builds WHERE checkout_id = @id GROUP BY status", cancellationToken);
        var tests = await CountAsync(connection, id,
            $"SELECT {sql.EnumAsText("status")}, COUNT(*) FROM tests " +
            $"WHERE {sql.InSubquery("build_id", "SELECT id FROM builds WHERE checkout_id = @id")} GROUP BY status", cancellationToken);
        return new CheckoutSummary(id, valid, builds, tests);
    }

    public async Task<BuildSummary?> BuildAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var found = false;
        string? status = null;
        await QueryRunner.ReadAsync(connection, $"SELECT {sql.EnumAsText("status")} FROM builds WHERE id = @id", c => c.AddParameter("id", id), r =>
        {
            found = true;
            status = (string?)sql.Read(r, 0, ColumnKind.EnumText);
        }, cancellationToken);
        if (!found)
        {
            return null;
        }

        var tests = await CountAsync(connection, id,
            $"SELECT {sql.EnumAsText("status")}, COUNT(*) FROM tests WHERE build_id = @id GROUP BY status", cancellationToken);
        return new BuildSummary(id, status, tests);
    }

    private static async Task<StatusSummary> CountAsync(DbConnection connection, string id, string text, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await QueryRunner.ReadAsync(connection, text, c => c.AddParameter("id", id),
            r => counts[r.IsDBNull(0) ? StatusSummary.None : r.GetString(0)] = r.GetInt64(1), cancellationToken);
        return StatusSummary.From(counts);
    }
}
