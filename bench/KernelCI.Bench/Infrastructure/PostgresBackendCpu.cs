using System.Globalization;
using Npgsql;

namespace KernelCI.Bench.Infrastructure;

/// <summary>CPU seconds (user + system, from /proc/PID/stat) of the PostgreSQL processes serving one database:
/// its client backends and autovacuum workers, as <c>pg_stat_activity</c> lists them by <c>datname</c>. On PostgreSQL
/// most of ingestion's work runs there, not in the server process, and on a shared machine CPU is steadier than the
/// wall clock (docs/benchmarks.md, "Dashboard aggregates A/B", session 19). Needs the server on this machine; without
/// /proc access to its processes <see cref="StopAsync"/> gives null.
/// <para>The list is polled every 100 ms: a backend first seen after <see cref="StartAsync"/> is counted from 0 (it was
/// started during the run), one that exits loses what it used since its last sample (at most 100 ms of it). The
/// cluster's shared processes (WAL writer, checkpointer, background writer) serve every database and are left out.</para>
/// </summary>
internal sealed class PostgresBackendCpu : IAsyncDisposable
{
    private const double TicksPerSecond = 100;

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly NpgsqlConnection _connection;
    private readonly string _database;
    private readonly Dictionary<int, (long First, long Last)> _backends = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    private PostgresBackendCpu(NpgsqlConnection connection, string database)
    {
        _connection = connection;
        _database = database;
    }

    /// <summary>Takes the first sample (the backends already running are counted from now), then polls.</summary>
    public static async Task<PostgresBackendCpu> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        // The poller's own backend is on the maintenance database, so it is never in the figure.
        builder.Database = "postgres";
        builder.Pooling = false;
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sampler = new PostgresBackendCpu(connection, database);
        await sampler.SampleAsync(initial: true, cancellationToken);
        sampler._loop = Task.Run(sampler.LoopAsync, CancellationToken.None);
        return sampler;
    }

    /// <summary>Stops polling after one last sample and returns the CPU seconds used since the start, or null when the
    /// backends' /proc entries could not be read (a server on another machine).</summary>
    public async Task<double?> StopAsync(CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        await SampleAsync(initial: false, cancellationToken);
        return _backends.Count == 0 ? null : _backends.Values.Sum(b => b.Last - b.First) / TicksPerSecond;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
        await _connection.DisposeAsync();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await SampleAsync(initial: false, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task SampleAsync(bool initial, CancellationToken cancellationToken)
    {
        var pids = new List<int>();
        await using (var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @db", _connection))
        {
            command.Parameters.AddWithValue("db", _database);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                pids.Add(reader.GetInt32(0));
            }
        }

        foreach (var pid in pids)
        {
            if (Ticks(pid) is { } ticks)
            {
                _backends[pid] = _backends.TryGetValue(pid, out var seen) ? (seen.First, ticks) : (initial ? ticks : 0, ticks);
            }
        }
    }

    // utime and stime are the 14th and 15th fields; the command name before them is in parentheses. A pid that is gone,
    // or is not a postgres process here (the server runs on another machine), is skipped.
    private static long? Ticks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var close = stat.LastIndexOf(')');
        if (!stat.AsSpan(0, close).EndsWith("(postgres", StringComparison.Ordinal))
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
