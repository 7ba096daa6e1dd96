using System.Data.Common;
using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Ingest;

namespace KernelCI.Bench.Dashboard;

/// <summary>A running `kernelci serve --only kcidb dashboard` on a scratch database: a fresh one the dataset is then
/// ingested into through KCIDB's REST API (aggregates included), or a copy of one ingested before (a SQLite data
/// folder copied, a PostgreSQL database cloned as a template), so a pages run need not ingest for ten minutes.</summary>
internal sealed class IngestedDashboard : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(60);

    private readonly PostgresScratch? _scratch;
    private readonly string _dataDirectory;
    private readonly bool _keep;
    private readonly TextWriter _output;

    private IngestedDashboard(string name, ServerProcess server, KcidbHttpClient kcidb, int basePort, PostgresScratch? scratch, string dataDirectory,
        bool keep, TextWriter output)
    {
        Name = name;
        Server = server;
        Kcidb = kcidb;
        BasePort = basePort;
        _scratch = scratch;
        _dataDirectory = dataDirectory;
        _keep = keep;
        _output = output;
    }

    public string Name { get; }

    public ServerProcess Server { get; }

    public KcidbHttpClient Kcidb { get; }

    /// <summary>The server's data folder.</summary>
    public string DataDirectory => _dataDirectory;

    /// <summary>The scratch PostgreSQL database, or null on SQLite.</summary>
    public string? PostgresConnectionString => _scratch?.ConnectionString;

    /// <summary>The dashboard's listener (the base port).</summary>
    public int BasePort { get; }

    /// <summary>Starts the server on a scratch database: empty, or a copy of <paramref name="sqliteData"/> (a data
    /// folder) or of <paramref name="postgresTemplate"/> (a database on <paramref name="postgresServer"/>).</summary>
    public static async Task<IngestedDashboard> StartAsync(BenchDatabase database, string workDirectory, string postgresServer, bool keep, TextWriter output,
        CancellationToken cancellationToken, string? sqliteData = null, string? postgresTemplate = null)
    {
        var name = database == BenchDatabase.PostgreSql ? "postgres" : "sqlite";
        var dataDirectory = Path.Combine(workDirectory, name + "-data");
        var scratch = database == BenchDatabase.PostgreSql
            ? await PostgresScratch.CreateAsync(postgresServer, "dashboard", cancellationToken, postgresTemplate)
            : null;
        if (scratch is not null && keep)
        {
            scratch.Keep = true;
            await output.WriteLineAsync($"[{name}] --keep: the database {scratch.Name} stays after the run");
        }

        ServerProcess? server = null;
        try
        {
            if (sqliteData is not null)
            {
                await output.WriteLineAsync($"[{name}] copying {sqliteData}");
                var copy = await ProcessRunner.RunAsync("cp", ["-r", sqliteData, dataDirectory], cancellationToken);
                if (copy.ExitCode != 0)
                {
                    throw new BenchFailure($"cannot copy {sqliteData}: {copy.Error.Trim()}");
                }
            }

            var token = await ServerRun.IssueTokenAsync(dataDirectory, cancellationToken);
            var kcidbPort = FreePort.Find();
            var basePort = kcidbPort - 3;
            List<string> arguments = ["serve", "--data-dir", dataDirectory, "--base-port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--only", "kcidb", "dashboard"];
            if (scratch is not null)
            {
                arguments.AddRange(["--database", scratch.ConnectionString]);
            }

            var log = Path.Combine(workDirectory, name + "-server.log");
            await output.WriteLineAsync($"[{name}] starting the server: KCIDB on {kcidbPort}, dashboard on {basePort} (log: {log})");
            server = ServerProcess.Start(RepoPaths.ServerExecutable, arguments, log);
            var kcidb = new KcidbHttpClient(new Uri($"http://127.0.0.1:{kcidbPort}/"), token);
            await kcidb.WaitHealthyAsync(server, StartTimeout, cancellationToken);
            return new IngestedDashboard(name, server, kcidb, basePort, scratch, dataDirectory, keep, output);
        }
        catch
        {
            await DisposeAsync(server, scratch, dataDirectory, keep);
            throw;
        }
    }

    /// <summary>Submits the dataset's files and waits until KCIDB has ingested them all.</summary>
    public async Task IngestAsync(DatasetFiles files, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var ids = await SubmissionUploader.UploadAsync(Kcidb, files, 4, cancellationToken);
        await new StatusWaiter(Kcidb, Server, _output).WaitAsync(ids, IngestTimeout, cancellationToken);
        await _output.WriteLineAsync($"[{Name}] {files.Objects:N0} objects ingested in {stopwatch.Elapsed.TotalSeconds:F1} s");
        if (_scratch is not null)
        {
            // What autovacuum does to the tables a minute or so after a bulk load, done at once (as the Maestro
            // benchmark's fill does): right after ingestion the planner has no statistics for 2,000,000 fresh
            // tests and picks plans no running server keeps for long.
            var vacuum = Stopwatch.StartNew();
            await using var connection = await OpenAsync(cancellationToken);
            await using var analyze = connection.CreateCommand();
            analyze.CommandText = "VACUUM (ANALYZE)";
            analyze.CommandTimeout = 0;
            await analyze.ExecuteNonQueryAsync(cancellationToken);
            await _output.WriteLineAsync($"[{Name}] VACUUM (ANALYZE) in {vacuum.Elapsed.TotalSeconds:F1} s");
        }
    }

    /// <summary>Submits one more KCIDB document and waits until it is ingested.</summary>
    public async Task SubmitAsync(string path, CancellationToken cancellationToken)
    {
        var id = await Kcidb.SubmitAsync(path, cancellationToken);
        await new StatusWaiter(Kcidb, Server, _output).WaitAsync([id], IngestTimeout, cancellationToken);
    }

    /// <summary>A connection to the dashboard's database, for picking targets and the raw-SQL baseline.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        ServerRun.OpenAsync(_scratch?.ConnectionString, _dataDirectory, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Kcidb.Dispose();
        await DisposeAsync(Server, _scratch, _dataDirectory, _keep);
    }

    private static async Task DisposeAsync(ServerProcess? server, PostgresScratch? scratch, string dataDirectory, bool keep)
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        if (scratch is not null)
        {
            await scratch.DisposeAsync();
        }

        if (!keep && Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
