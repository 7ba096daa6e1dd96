using Npgsql;

namespace KernelCI.Bench.KcidbIngest.Baseline;

/// <summary>Which of a type's fields the migrated table has columns for; fields without one are skipped (and reported),
/// which only makes the baseline's job lighter.</summary>
internal sealed record CopyPlan<T>(string Table, IReadOnlyList<(CopyColumn<T> Field, PgColumn Column)> Columns, IReadOnlyList<string> Skipped)
{
    private const string ColumnsSql =
        "SELECT a.attname, format_type(a.atttypid, NULL), t.typtype = 'e', a.attnotnull, a.atthasdef " +
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid " +
        "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    public static async Task<CopyPlan<T>> CreateAsync(NpgsqlConnection connection, string table, IReadOnlyList<CopyColumn<T>> fields, CancellationToken cancellationToken)
    {
        var columns = new List<PgColumn>();
        await using (var command = new NpgsqlCommand(ColumnsSql, connection) { Parameters = { new() { Value = table } } })
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(new PgColumn(reader.GetString(0), reader.GetString(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4)));
            }
        }

        var mapped = fields
            .Select(f => (Field: f, Column: columns.FirstOrDefault(c => c.Name == f.Name)))
            .Where(p => p.Column is not null)
            .Select(p => (p.Field, p.Column!))
            .ToList();
        // The server stamps every row it writes; where the schema leaves that to the writer, COPY must do it too.
        var timestamp = columns.FirstOrDefault(c => c.Name == "_timestamp" && !c.HasDefault);
        if (timestamp is not null && mapped.All(m => m.Item2.Name != timestamp.Name))
        {
            var now = DateTimeOffset.UtcNow;
            mapped.Add((new CopyColumn<T>(timestamp.Name, _ => now), timestamp));
        }

        var unfilled = columns.Where(c => c.NotNull && !c.HasDefault && mapped.All(m => m.Item2.Name != c.Name)).ToList();
        if (unfilled.Count > 0)
        {
            throw new BenchFailure($"{table} requires columns the dataset has no field for: {string.Join(", ", unfilled.Select(c => c.Name))}; extend CopyColumns");
        }

        var skipped = fields.Where(f => columns.All(c => c.Name != f.Name)).Select(f => $"{table}.{f.Name}").ToList();
        return new CopyPlan<T>(table, mapped, skipped);
    }
}
