using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>The published runs in the deployment's database (SQLite or PostgreSQL; <see cref="NipaMigrations"/>).
/// Every write is one statement the primary key decides.</summary>
internal sealed class NipaStore(Database database, TimeProvider time)
{
    private const string Columns = "executor, branch, checkout_id, started, url";

    /// <summary>Records a run's start, or lets a later checkout of the same branch take over an entry still in
    /// progress (the trigger tries a commit again after an incomplete checkout). Returns the entry as it now is, and
    /// whether this call added or took it over.</summary>
    public async Task<(NipaRun Run, bool Changed)> StartAsync(string executor, string branch, string checkoutId, DateTime started,
        CancellationToken cancellationToken)
    {
        var changed = await database.ExecuteAsync("""
            INSERT INTO pipeline_nipa_runs (executor, branch, checkout_id, started, url, updated) VALUES (@e, @b, @c, @s, NULL, @now)
            ON CONFLICT (executor, branch) DO UPDATE SET checkout_id = excluded.checkout_id, started = excluded.started, updated = excluded.updated
            WHERE pipeline_nipa_runs.url IS NULL AND pipeline_nipa_runs.started < excluded.started
            """, cancellationToken, ("e", executor), ("b", branch), ("c", checkoutId), ("s", Stamp(started)), ("now", Stamp(time.GetUtcNow().UtcDateTime)));
        var run = (await QueryAsync($"SELECT {Columns} FROM pipeline_nipa_runs WHERE executor = @e AND branch = @b", cancellationToken,
            ("e", executor), ("b", branch)))[0];
        return (run, changed > 0);
    }

    /// <summary>Sets the entry's URL, if <paramref name="checkoutId"/> still owns it; false otherwise.</summary>
    public async Task<bool> FinishAsync(string executor, string branch, string checkoutId, string url, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("""
            UPDATE pipeline_nipa_runs SET url = @u, updated = @now WHERE executor = @e AND branch = @b AND checkout_id = @c
            """, cancellationToken, ("u", url), ("now", Stamp(time.GetUtcNow().UtcDateTime)), ("e", executor), ("b", branch), ("c", checkoutId)) == 1;

    /// <summary>Every entry, oldest start first.</summary>
    public Task<List<NipaRun>> AllAsync(CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM pipeline_nipa_runs ORDER BY started, executor, branch", cancellationToken);

    /// <summary>The entries still in progress: what a restart looks at again.</summary>
    public Task<List<NipaRun>> InProgressAsync(string executor, CancellationToken cancellationToken) =>
        QueryAsync($"SELECT {Columns} FROM pipeline_nipa_runs WHERE executor = @e AND url IS NULL ORDER BY started", cancellationToken, ("e", executor));

    // Fixed width, so that the text order is the time order in both databases.
    private static string Stamp(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<List<NipaRun>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(sql, parameters);
        var rows = new List<NipaRun>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTime.Parse(reader.GetString(3), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                reader.IsDBNull(4) ? null : reader.GetString(4)));
        }

        return rows;
    }
}
