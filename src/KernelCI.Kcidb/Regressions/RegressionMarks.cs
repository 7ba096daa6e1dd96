using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Regressions;

/// <summary>What people say about a regression (docs/regressions.md, "Marking a regression"): `invalid` is written to
/// <c>kcidb_regression_marks</c>, which every recomputation reads, and to the regression's row at once; undoing it removes
/// the mark and recomputes the regression's series, so its state is again what the results say.</summary>
internal sealed class RegressionMarks(Database database, TimeProvider time)
{
    public const string Invalid = "invalid";

    /// <summary>The regression's origin and state; null when there is no such regression.</summary>
    public async Task<(string Origin, string State)?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT origin, state FROM kcidb_regressions WHERE id = @id";
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task MarkInvalidAsync(string id, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var mark = connection.CreateCommand())
        {
            mark.Transaction = transaction;
            mark.CommandText = """
                INSERT INTO kcidb_regression_marks (id, state, marked_by, marked_at) VALUES (@id, @state, @by, @at)
                ON CONFLICT (id) DO UPDATE SET state = excluded.state, marked_by = excluded.marked_by, marked_at = excluded.marked_at
                """;
            mark.AddParameter("id", id);
            mark.AddParameter("state", Invalid);
            mark.AddParameter("by", by);
            mark.AddParameter("at", database.Kind == DatabaseKind.Sqlite ? KcidbTimestamp.ToMicroseconds(now) : now);
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var row = connection.CreateCommand())
        {
            row.Transaction = transaction;
            row.CommandText = "UPDATE kcidb_regressions SET state = @state WHERE id = @id";
            row.AddParameter("id", id);
            row.AddParameter("state", Invalid);
            await row.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Removes the mark and recomputes the series from the checkout of the regression's first bad result.</summary>
    public async Task UnmarkAsync(string id, CancellationToken cancellationToken)
    {
        string? checkout;
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using (var delete = connection.CreateCommand())
            {
                delete.CommandText = "DELETE FROM kcidb_regression_marks WHERE id = @id";
                delete.AddParameter("id", id);
                await delete.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var find = connection.CreateCommand();
            find.CommandText = """
                SELECT COALESCE(
                    (SELECT b.checkout_id FROM builds b WHERE r.kind = 'build' AND b.id = r.first_bad_result),
                    (SELECT b.checkout_id FROM tests t JOIN builds b ON b.id = t.build_id WHERE r.kind = 'test' AND t.id = r.first_bad_result))
                FROM kcidb_regressions r WHERE r.id = @id
                """;
            find.AddParameter("id", id);
            checkout = await find.ExecuteScalarAsync(cancellationToken) as string;
        }

        if (checkout is not null)
        {
            await RegressionRecompute.ForCheckoutAsync(database, checkout, time, cancellationToken);
        }
    }
}
