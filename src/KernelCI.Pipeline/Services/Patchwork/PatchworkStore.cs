using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>The Patchwork service's cursors, series and checks in the deployment's database (SQLite or PostgreSQL;
/// <see cref="PatchworkMigrations"/>). Every write is one statement whose primary key decides, so two pollers, or a
/// poller that restarts, never take a series or post a check twice.</summary>
internal sealed class PatchworkStore(Database database, TimeProvider time)
{
    private const string SeriesColumns = "source, series_id, run, status, node_id, patches, message";

    public async Task<(string Date, long Id)?> CursorAsync(string source, string category, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("SELECT event_date, event_id FROM pipeline_patchwork_cursors WHERE source = @s AND category = @c",
            ("s", source), ("c", category));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetInt64(1)) : null;
    }

    public Task SetCursorAsync(string source, string category, string date, long id, CancellationToken cancellationToken) => database.ExecuteAsync("""
        INSERT INTO pipeline_patchwork_cursors (source, category, event_date, event_id) VALUES (@s, @c, @d, @i)
        ON CONFLICT (source, category) DO UPDATE SET event_date = excluded.event_date, event_id = excluded.event_id
        """, cancellationToken, ("s", source), ("c", category), ("d", date), ("i", id));

    /// <summary>Takes run 1 of a series; false when it was taken before (an event read again).</summary>
    public async Task<bool> TakeAsync(string source, long seriesId, CancellationToken cancellationToken) => await database.ExecuteAsync("""
        INSERT INTO pipeline_patchwork_series (source, series_id, run, status, taken, updated) VALUES (@s, @i, 1, 'new', @now, @now)
        ON CONFLICT (source, series_id, run) DO NOTHING
        """, cancellationToken, ("s", source), ("i", seriesId), ("now", Now())) == 1;

    /// <summary>Takes the next run of a series a maintainer asked to test again, unless its latest run has not ended
    /// (then the request is already being served) or the project's selection skipped it (a retest does not widen what
    /// this deployment tests). A series never seen gets run 1, which the selection then judges. Returns the new run, or null.</summary>
    public async Task<int?> RetestAsync(string source, long seriesId, CancellationToken cancellationToken)
    {
        var latest = await QueryAsync($"""
            SELECT {SeriesColumns} FROM pipeline_patchwork_series WHERE source = @s AND series_id = @i ORDER BY run DESC LIMIT 1
            """, cancellationToken, ("s", source), ("i", seriesId));
        if (latest is [{ Status: "new" or "testing" or "skipped" }])
        {
            return null;
        }

        var run = latest is [var last] ? last.Run + 1 : 1;
        return await database.ExecuteAsync("""
            INSERT INTO pipeline_patchwork_series (source, series_id, run, status, taken, updated) VALUES (@s, @i, @r, 'new', @now, @now)
            ON CONFLICT (source, series_id, run) DO NOTHING
            """, cancellationToken, ("s", source), ("i", seriesId), ("r", run), ("now", Now())) == 1 ? run : null;
    }

    public Task<List<SeriesRow>> WithStatusAsync(string source, string status, CancellationToken cancellationToken) => QueryAsync($"""
        SELECT {SeriesColumns} FROM pipeline_patchwork_series WHERE source = @s AND status = @st ORDER BY series_id, run
        """, cancellationToken, ("s", source), ("st", status));

    public Task<List<SeriesRow>> AllAsync(string source, CancellationToken cancellationToken) => QueryAsync($"""
        SELECT {SeriesColumns} FROM pipeline_patchwork_series WHERE source = @s ORDER BY series_id, run
        """, cancellationToken, ("s", source));

    public Task UpdateAsync(SeriesRow row, CancellationToken cancellationToken) => database.ExecuteAsync("""
        UPDATE pipeline_patchwork_series SET status = @st, node_id = @n, patches = @p, message = @m, updated = @now
        WHERE source = @s AND series_id = @i AND run = @r
        """, cancellationToken, ("st", row.Status), ("n", row.NodeId), ("p", string.Join(',', row.Patches)), ("m", row.Message),
        ("now", Now()), ("s", row.Source), ("i", row.SeriesId), ("r", row.Run));

    /// <summary>Records a check meant for a patch; false when the same state of the same context was meant before.</summary>
    public async Task<bool> AddCheckAsync(string source, long seriesId, PendingCheck check, CancellationToken cancellationToken) => await database.ExecuteAsync("""
        INSERT INTO pipeline_patchwork_checks (source, patch_id, run, context, state, series_id, target_url, description)
        VALUES (@s, @p, @r, @c, @st, @i, @u, @d)
        ON CONFLICT (source, patch_id, run, context, state) DO NOTHING
        """, cancellationToken, ("s", source), ("p", check.PatchId), ("r", check.Run), ("c", check.Context), ("st", check.State),
        ("i", seriesId), ("u", check.TargetUrl), ("d", check.Description)) == 1;

    /// <summary>Whether any state of <paramref name="context"/> was meant for this run of the patch.</summary>
    public async Task<IReadOnlySet<string>> StatesAsync(string source, long patchId, int run, string context, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("""
            SELECT state FROM pipeline_patchwork_checks WHERE source = @s AND patch_id = @p AND run = @r AND context = @c
            """, ("s", source), ("p", patchId), ("r", run), ("c", context));
        var states = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(reader.GetString(0));
        }

        return states;
    }

    public async Task<List<PendingCheck>> UnpostedAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand("""
            SELECT patch_id, run, context, state, target_url, description FROM pipeline_patchwork_checks
            WHERE source = @s AND posted = 0 ORDER BY series_id, run, context, patch_id
            """, ("s", source));
        var checks = new List<PendingCheck>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            checks.Add(new(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        return checks;
    }

    public Task MarkPostedAsync(string source, PendingCheck check, CancellationToken cancellationToken) => database.ExecuteAsync("""
        UPDATE pipeline_patchwork_checks SET posted = 1
        WHERE source = @s AND patch_id = @p AND run = @r AND context = @c AND state = @st
        """, cancellationToken, ("s", source), ("p", check.PatchId), ("r", check.Run), ("c", check.Context), ("st", check.State));

    private string Now() => time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private async Task<List<SeriesRow>> QueryAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand(sql, parameters);
        var rows = new List<SeriesRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var patches = reader.IsDBNull(5) ? "" : reader.GetString(5);
            rows.Add(new(reader.GetString(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                [.. patches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture))],
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return rows;
    }
}
