using System.Data.Common;
using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>The durable queue of received callbacks in the deployment's database (SQLite or PostgreSQL). Times are
/// stored as fixed-width UTC text, so they compare as text on both.</summary>
internal sealed class LavaCallbackStore(Database database, TimeProvider time)
{
    public async Task<long> AddAsync(string nodeId, string lab, byte[] body, CancellationToken cancellationToken)
    {
        var now = Stamp(time.GetUtcNow());
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO pipeline_lava_callbacks (node_id, lab, body, received, due) VALUES (@n, @l, @b, @r, @r) RETURNING id";
        command.AddParameter("n", nodeId);
        command.AddParameter("l", lab);
        command.AddParameter("b", body);
        command.AddParameter("r", now);
        return System.Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>Takes the oldest callback that is due and pushes its due time <paramref name="lease"/> ahead, so that
    /// no other worker takes it meanwhile; null when none is due.</summary>
    public async Task<StoredCallback?> ClaimAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The outer condition is checked again after a concurrent claim commits (PostgreSQL), so one row has one owner.
        command.CommandText = """
            UPDATE pipeline_lava_callbacks SET due = @lease
            WHERE id = (SELECT id FROM pipeline_lava_callbacks WHERE failure IS NULL AND due <= @now ORDER BY due, id LIMIT 1)
              AND failure IS NULL AND due <= @now
            RETURNING id, node_id, lab, body, attempts, received
            """;
        command.AddParameter("now", Stamp(now));
        command.AddParameter("lease", Stamp(now + lease));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredCallback(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), (byte[])reader.GetValue(3), reader.GetInt32(4),
                Parse(reader.GetString(5)))
            : null;
    }

    /// <summary>When the next waiting callback falls due, or null when none waits.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(due) FROM pipeline_lava_callbacks WHERE failure IS NULL";
        return await command.ExecuteScalarAsync(cancellationToken) is string due ? Parse(due) : null;
    }

    public Task DeleteAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM pipeline_lava_callbacks WHERE id = @id", cancellationToken, ("id", id));

    /// <summary>Makes a claimed callback due at once again (its worker is stopping before it finished).</summary>
    public Task ReleaseAsync(long id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pipeline_lava_callbacks SET due = @due WHERE id = @id", cancellationToken, ("id", id), ("due", Stamp(time.GetUtcNow())));

    /// <summary>Records a failed attempt: the row falls due again after <paramref name="delay"/>, or, with
    /// <paramref name="final"/>, is kept with its failure for an operator and never taken again.</summary>
    public Task FailAsync(long id, string failure, TimeSpan delay, bool final, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE pipeline_lava_callbacks SET attempts = attempts + 1, due = @due, failure = @f WHERE id = @id", cancellationToken,
            ("id", id), ("due", Stamp(time.GetUtcNow() + delay)), ("f", final ? failure : null));

    /// <summary>Callbacks waiting, and those given up on (for `pipeline pending`-style reports and tests).</summary>
    public async Task<(long Waiting, long Failed)> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) - COUNT(failure), COUNT(failure) FROM pipeline_lava_callbacks";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (System.Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), System.Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }

    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static DateTimeOffset Parse(string stamp) => DateTimeOffset.ParseExact(stamp, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using DbConnection connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.AddParameter(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
