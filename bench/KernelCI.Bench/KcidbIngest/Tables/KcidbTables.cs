using System.Data.Common;
using KernelCI.Bench.KcidbIngest.Dataset;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KernelCI.Bench.KcidbIngest.Tables;

/// <summary>Finds the five KCIDB tables that KcidbMigrations created: upstream's names (checkouts, builds, …), or the same
/// with a `kcidb_` prefix, in any schema.</summary>
internal static class KcidbTables
{
    public static IReadOnlyDictionary<ObjectKind, string> Names { get; } = new Dictionary<ObjectKind, string>
    {
        [ObjectKind.Checkout] = "checkouts",
        [ObjectKind.Issue] = "issues",
        [ObjectKind.Build] = "builds",
        [ObjectKind.Test] = "tests",
        [ObjectKind.Incident] = "incidents",
    };

    public static async Task<IReadOnlyDictionary<ObjectKind, string>> ResolveAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = connection is NpgsqlConnection
            ? "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema = current_schema() DESC"
            : "SELECT 'main', name FROM sqlite_master WHERE type = 'table'";
        var found = new List<(string Schema, string Name)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var tables = new Dictionary<ObjectKind, string>();
        foreach (var (kind, name) in Names)
        {
            var match = found.FirstOrDefault(t => t.Name == name || t.Name == "kcidb_" + name);
            if (match.Name is null)
            {
                throw new BenchFailure($"no '{name}' table in the migrated database (tables: {string.Join(", ", found.Select(t => t.Name))}); " +
                    "are KcidbMigrations.All still a stub?");
            }

            tables[kind] = connection is SqliteConnection ? Quote(match.Name) : $"{Quote(match.Schema)}.{Quote(match.Name)}";
        }

        return tables;
    }

    public static async Task<IReadOnlyDictionary<ObjectKind, long>> CountAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<ObjectKind, long>();
        foreach (var (kind, table) in await ResolveAsync(connection, cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {table}";
            counts[kind] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>Counts every table and fails unless each holds exactly the dataset's objects.</summary>
    public static async Task<IReadOnlyDictionary<ObjectKind, long>> VerifyCountsAsync(DbConnection connection, DatasetShape shape, CancellationToken cancellationToken)
    {
        var counts = await CountAsync(connection, cancellationToken);
        var wrong = counts.Where(c => c.Value != shape.CountOf(c.Key)).ToList();
        if (wrong.Count > 0)
        {
            throw new BenchFailure("row counts are wrong: " +
                string.Join(", ", wrong.Select(c => $"{Names[c.Key]} {c.Value:N0} instead of {shape.CountOf(c.Key):N0}")));
        }

        return counts;
    }

    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
