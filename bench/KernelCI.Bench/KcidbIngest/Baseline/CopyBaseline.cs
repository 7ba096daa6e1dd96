using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Tables;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using Npgsql;

namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>The yardstick for PostgreSQL ingestion: the same rows loaded with binary COPY, in one transaction, into a
/// fresh database migrated exactly as the server migrates its own (same tables, same indexes).</summary>
internal sealed class CopyBaseline(IngestSettings settings, DatasetGenerator generator, TextWriter output)
{
    public async Task<CopyResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var scratch = await PostgresScratch.CreateAsync(settings.PostgresServer, "copy", cancellationToken);
        await using (var database = Database.Open(scratch.ConnectionString))
        {
            await Migrator.ApplyAsync(database, KcidbMigrations.All, cancellationToken);
        }

        // Unmapped types let a status column of upstream's STATUS enum take plain strings.
        var builder = new NpgsqlDataSourceBuilder(scratch.ConnectionString);
        builder.EnableUnmappedTypes();
        await using var dataSource = builder.Build();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tables = await KcidbTables.ResolveAsync(connection, cancellationToken);
        var checkouts = await CopyPlan<Dataset.Model.KcidbCheckout>.CreateAsync(connection, tables[ObjectKind.Checkout], CopyColumns.Checkouts, cancellationToken);
        var issues = await CopyPlan<Dataset.Model.KcidbIssue>.CreateAsync(connection, tables[ObjectKind.Issue], CopyColumns.Issues, cancellationToken);
        var builds = await CopyPlan<Dataset.Model.KcidbBuild>.CreateAsync(connection, tables[ObjectKind.Build], CopyColumns.Builds, cancellationToken);
        var tests = await CopyPlan<Dataset.Model.KcidbTest>.CreateAsync(connection, tables[ObjectKind.Test], CopyColumns.Tests, cancellationToken);
        var incidents = await CopyPlan<Dataset.Model.KcidbIncident>.CreateAsync(connection, tables[ObjectKind.Incident], CopyColumns.Incidents, cancellationToken);
        string[] skipped = [.. checkouts.Skipped, .. issues.Skipped, .. builds.Skipped, .. tests.Skipped, .. incidents.Skipped];
        if (skipped.Length > 0)
        {
            await output.WriteLineAsync($"[copy] the migrated tables have no column for: {string.Join(", ", skipped)}");
        }

        await output.WriteLineAsync($"[copy] loading {generator.Shape.TotalObjects:N0} rows with binary COPY");
        var stopwatch = Stopwatch.StartNew();
        TableCopy[] copies;
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            copies =
            [
                await TableCopier.CopyAsync(connection, checkouts, generator.Checkouts(), cancellationToken),
                await TableCopier.CopyAsync(connection, issues, generator.Issues(), cancellationToken),
                await TableCopier.CopyAsync(connection, builds, generator.Builds(), cancellationToken),
                await TableCopier.CopyAsync(connection, tests, generator.Tests(), cancellationToken),
                await TableCopier.CopyAsync(connection, incidents, generator.Incidents(), cancellationToken),
            ];
            await transaction.CommitAsync(cancellationToken);
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        await KcidbTables.VerifyCountsAsync(connection, generator.Shape, cancellationToken);
        var result = new CopyResult(copies.Sum(c => c.Rows), seconds, copies.Sum(c => c.Generation.TotalSeconds), skipped);
        await output.WriteLineAsync($"[copy] {result.Rows:N0} rows in {seconds:F1} s ({result.RowsPerSecond:N0}/s)");
        return result;
    }
}
