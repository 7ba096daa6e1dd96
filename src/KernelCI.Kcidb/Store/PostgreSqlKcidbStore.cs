using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;
using Npgsql;
using NpgsqlTypes;

namespace KernelCI.Kcidb.Store;

/// <summary>PostgreSQL: per table, binary COPY into a staging table, then one set-based upsert from it. With the
/// dashboard's aggregates, the batch's changes are captured around the upserts and applied before the commit
/// (<see cref="AggregateMaintenance"/>).</summary>
internal sealed class PostgreSqlKcidbStore(Database database, TimeProvider timeProvider, bool aggregates) : IKcidbStore
{
    private static readonly string MaintenanceSql = IssueAggregate.PostgreSqlAfterSql + ";\n" + AggregateMaintenance.AfterWriteSql(DatabaseKind.PostgreSql);

    public async Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken) =>
        await ((IKcidbStore)this).IngestAsync(JsonIngestBatch.From(submissions), cancellationToken);

    async Task IKcidbStore.IngestAsync(JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        await using var connection = await database.PostgreSql.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var rows in batch.Tables)
        {
            await ExecuteAsync(connection, PostgreSqlStaging.CreateSql(rows.Table), null, cancellationToken);
            await PostgreSqlStaging.CopyAsync(connection, rows, cancellationToken);
        }

        // Everything is staged before the lock, so concurrent replicas still copy in parallel.
        if (aggregates)
        {
            await ExecuteAsync(connection, PostgreSqlAggregateCapture.NoJitSql + ";\n" + PostgreSqlAggregateCapture.LockSql + ";\n" + PostgreSqlAggregateCapture.CreateSql + "\n" + IssueAggregate.CreateSql(DatabaseKind.PostgreSql), null, cancellationToken);
        }

        foreach (var rows in batch.Tables)
        {
            var staging = PostgreSqlStaging.TableName(rows.Table);
            var merge = MergeSql(rows.Table);
            var sql = !aggregates ? merge
                : rows.Table == KcidbTables.Builds ? PostgreSqlAggregateCapture.BuildsBeforeSql(staging) + ";\n" + merge
                : rows.Table == KcidbTables.Tests ? PostgreSqlAggregateCapture.TestsMergeSql(staging, merge) + ";\n" + IssueAggregate.PostgreSqlTestIssuesSql(staging)
                : rows.Table == KcidbTables.Checkouts ? IssueAggregate.PostgreSqlCheckoutsBeforeSql(staging) + ";\n" + merge
                : rows.Table == KcidbTables.Incidents
                    ? IssueAggregate.PostgreSqlIncidentIssuesSql(staging) + ";\n" + merge + ";\n" + IssueAggregate.PostgreSqlIncidentIssuesSql(staging)
                : merge;
            await ExecuteAsync(connection, sql, now, cancellationToken);
        }

        if (aggregates)
        {
            await ExecuteAsync(connection, MaintenanceSql + ";\n" + IssueListingStamp.PostgreSqlBatchSql(
                batch.Tables.Any(t => t.Table == KcidbTables.Issues),
                batch.Tables.Any(t => t.Table == KcidbTables.Checkouts) ? PostgreSqlStaging.TableName(KcidbTables.Checkouts) : null), null, cancellationToken);
        }

        var touched = await TouchedAsync(connection, batch, cancellationToken);
        await NotifyAsync(connection, CheckoutChanges.For(database), touched, cancellationToken);

        await using (var record = new NpgsqlCommand(
            "INSERT INTO kcidb_submissions (id, ingested_at) SELECT unnest(@ids), @now ON CONFLICT (id) DO NOTHING", connection))
        {
            record.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.SubmissionIds] });
            record.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        CheckoutChanges.For(database).Publish(touched);
    }

    // The checkouts whose counts the batch changed (the aggregates' capture), or without the aggregates those of the
    // builds it wrote (BatchCheckouts).
    private async Task<List<string>> TouchedAsync(NpgsqlConnection connection, JsonIngestBatch batch, CancellationToken cancellationToken)
    {
        var touched = new List<string>();
        await using var read = new NpgsqlCommand(
            aggregates ? "SELECT DISTINCT checkout_id FROM kcidb_agg_cs WHERE checkout_id IS NOT NULL" : BatchCheckouts.Sql(DatabaseKind.PostgreSql), connection);
        if (!aggregates)
        {
            read.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = BatchCheckouts.BuildIds(batch) });
        }

        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            touched.Add(reader.GetString(0));
        }

        return touched;
    }

    // NOTIFY inside the transaction is delivered when it commits, and never if it rolls back (postgresql.org/docs/current/sql-notify.html).
    private static async Task NotifyAsync(NpgsqlConnection connection, CheckoutChanges changes, List<string> touched, CancellationToken cancellationToken)
    {
        foreach (var payload in changes.Payloads(touched))
        {
            await using var notify = new NpgsqlCommand($"SELECT pg_notify('{CheckoutChanges.NotifyChannel}', @payload)", connection);
            notify.Parameters.Add(new NpgsqlParameter<string>("payload", NpgsqlDbType.Text) { TypedValue = payload });
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    // Each batch commits as it is written: PostgreSQL's load is set-based per batch (COPY, then one upsert per table),
    // so a longer transaction would only hold its row locks longer.
    Task<IKcidbWriter> IKcidbStore.OpenWriterAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IKcidbWriter>(new CommitEachBatchWriter(this));

    public async Task<IReadOnlySet<string>> FindIngestedAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (submissionIds.Count == 0)
        {
            return found;
        }

        await using var command = database.PostgreSql.CreateCommand("SELECT id FROM kcidb_submissions WHERE id = ANY(@ids)");
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. submissionIds] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    // Rows enter in key order so concurrent loads lock them in the same order (upstream commit f89927a). They were
    // copied in key order, and a temporary table is scanned from its first block in insertion order (no synchronised or
    // parallel scans on local buffers), so an ORDER BY would only sort every wide row again, spilling to disk.
    private static string MergeSql(KcidbTable table) =>
        $"INSERT INTO {table.Name} AS {table.Name} ({UpsertSql.ColumnList(table)}, _timestamp)\n" +
        $"SELECT {string.Join(", ", table.Columns.Select(SelectExpression))}, @now\n" +
        $"FROM {PostgreSqlStaging.TableName(table)}\n" +
        UpsertSql.OnConflict(table);

    private static string SelectExpression(KcidbColumn column) => column.Kind == ColumnKind.EnumText
        ? $"CAST({column.Name} AS {(column.Name == "number_prefix" ? "UNIT_PREFIX" : "STATUS")})"
        : column.Name;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, DateTime? now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (now is { } value)
        {
            command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
