using System.Globalization;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>CPU seconds used by the server process and by the PostgreSQL backends serving its database, from
/// /proc (Linux only): wall-clock rates on a shared machine move with the load, CPU per operation much less.
/// PostgreSQL's shared background processes (WAL writer, checkpointer) are not counted.</summary>
internal sealed class ProcessCpu
{
    private readonly Dictionary<int, double> _start;
    private readonly int _server;
    private readonly Database _database;

    private ProcessCpu(int server, Database database, Dictionary<int, double> start)
    {
        _server = server;
        _database = database;
        _start = start;
    }

    public static async Task<ProcessCpu> StartAsync(int server, Database database, CancellationToken cancellationToken)
    {
        var start = new Dictionary<int, double> { [server] = Seconds(server) };
        foreach (var pid in await BackendsAsync(database, cancellationToken))
        {
            start[pid] = Seconds(pid);
        }

        return new ProcessCpu(server, database, start);
    }

    /// <summary>CPU seconds since <see cref="StartAsync"/>: the server's, and its database's backends' (those that
    /// started during the phase count from zero; those that ended during it are lost, which pooling makes rare).</summary>
    public async Task<(double Server, double Postgres)> StopAsync(CancellationToken cancellationToken)
    {
        var server = Seconds(_server) - _start[_server];
        var postgres = 0.0;
        foreach (var pid in await BackendsAsync(_database, cancellationToken))
        {
            postgres += Seconds(pid) - _start.GetValueOrDefault(pid);
        }

        return (server, postgres);
    }

    private static async Task<List<int>> BackendsAsync(Database database, CancellationToken cancellationToken)
    {
        var pids = new List<int>();
        if (database.Kind != DatabaseKind.PostgreSql)
        {
            return pids;
        }

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux); the command
    // name in parentheses may contain spaces, so fields are counted after its closing parenthesis.
    private static double Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
