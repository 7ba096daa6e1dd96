using Npgsql;

namespace KernelCI.Bench.Infrastructure;

/// <summary>A fresh, uniquely named database on the benchmark's PostgreSQL server, dropped on dispose unless
/// <see cref="Keep"/> is set (`--keep`, to look at the data after the run).</summary>
internal sealed class PostgresScratch : IAsyncDisposable
{
    private readonly string _server;

    private PostgresScratch(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public bool Keep { get; set; }

    public static async Task<PostgresScratch> CreateAsync(string server, string purpose, CancellationToken cancellationToken, string? template = null)
    {
        var name = $"kernelci_bench_{purpose}_{Guid.NewGuid():N}"[..40];
        try
        {
            // A template copies a whole database file by file: minutes faster than ingesting it again, but PostgreSQL
            // refuses while anyone else is connected to the template.
            await ExecuteAsync(server, template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE \"{template.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new BenchFailure($"cannot create a database on {Redacted(server)}: {e.Message} (set KERNELCI_BENCH_POSTGRES or --postgres)");
        }

        return new PostgresScratch(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (Keep)
        {
            return;
        }

        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecuteAsync(string server, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(cancellationToken);
        // No timeout: cloning a scale-1 database copies gigabytes, a minute or more on a loaded machine (Npgsql's
        // default 30 s stopped `--copy-database` runs).
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Redacted(string server) =>
        new NpgsqlConnectionStringBuilder(server) { Password = null }.ConnectionString;
}
