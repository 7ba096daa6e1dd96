using System.Data.Common;
using System.Diagnostics;
using KernelCI.Bench.Infrastructure;
using KernelCI.Bench.KcidbIngest.Dataset;
using KernelCI.Bench.KcidbIngest.Queries;
using KernelCI.Bench.KcidbIngest.Tables;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>Runs the real `kernelci serve` on a fresh database, uploads the dataset and times it until queryable.</summary>
internal sealed class ServerRun(IngestSettings settings, DatasetGenerator generator, DatasetFiles files, string workDirectory, TextWriter output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan IngestTimeout = TimeSpan.FromMinutes(30);

    public async Task<ServerRunResult> RunAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        var name = database == BenchDatabase.PostgreSql ? "postgres" : "sqlite";
        var dataDirectory = Path.Combine(workDirectory, name + "-data");
        try
        {
            return await RunServerAsync(database, name, dataDirectory, cancellationToken);
        }
        finally
        {
            // The spool archive and the SQLite file are as big as the dataset: free the disk before the next run.
            if (!settings.Keep && Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    private async Task<ServerRunResult> RunServerAsync(BenchDatabase database, string name, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var scratch = database == BenchDatabase.PostgreSql
            ? await PostgresScratch.CreateAsync(settings.PostgresServer, "ingest", cancellationToken)
            : null;
        var token = await IssueTokenAsync(dataDirectory, cancellationToken);
        var port = FreePort.Find();
        List<string> arguments = ["serve", "--data-dir", dataDirectory, "--base-port", (port - 3).ToString(), "--only", "kcidb"];
        if (scratch is not null)
        {
            arguments.AddRange(["--database", scratch.ConnectionString]);
        }

        if (!settings.DashboardAggregates || !settings.TrackRegressions)
        {
            var config = Path.Combine(workDirectory, "kcidb-switches.json");
            var switches = new { Kcidb = new { settings.DashboardAggregates, settings.TrackRegressions } };
            await File.WriteAllTextAsync(config, System.Text.Json.JsonSerializer.Serialize(switches), cancellationToken);
            arguments.AddRange(["--config", config]);
        }

        var log = Path.Combine(workDirectory, name + "-server.log");
        await output.WriteLineAsync($"[{name}] starting the server on port {port}, dashboard aggregates {(settings.DashboardAggregates ? "on" : "off")}, regression tracking {(settings.TrackRegressions ? "on" : "off")} (log: {log})");
        await using var server = ServerProcess.Start(RepoPaths.ServerExecutable, arguments, log);
        await using var memory = new MemorySampler(server.Id);
        using var client = new KcidbHttpClient(new Uri($"http://127.0.0.1:{port}/"), token);
        try
        {
            await client.WaitHealthyAsync(server, StartTimeout, cancellationToken);
            var run = new RunningServer(name, server, memory, client);
            return await MeasureAsync(database, run, scratch?.ConnectionString, () => OpenAsync(scratch?.ConnectionString, dataDirectory, cancellationToken), cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new BenchFailure($"[{name}] {e.Message}; the server's last lines:\n{server.Tail()}");
        }
    }

    private async Task<ServerRunResult> MeasureAsync(
        BenchDatabase database, RunningServer run, string? postgres, Func<Task<DbConnection>> openDatabase, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync($"[{run.Name}] uploading {files.Files.Count} files ({files.Bytes / 1e6:F0} MB, {settings.Concurrency} at a time)");
        // The same window as the server's CPU: from the first upload to the last check of the ingested rows.
        await using var backends = postgres is null ? null : await PostgresBackendCpu.StartAsync(postgres, cancellationToken);
        var cpuBefore = run.Server.CpuTime;
        var stopwatch = Stopwatch.StartNew();
        var ids = await SubmissionUploader.UploadAsync(run.Client, files, settings.Concurrency, cancellationToken);
        var uploadSeconds = stopwatch.Elapsed.TotalSeconds;
        await output.WriteLineAsync($"[{run.Name}] uploaded in {uploadSeconds:F1} s; waiting for ingestion");
        await new StatusWaiter(run.Client, run.Server, output).WaitAsync(ids, IngestTimeout, cancellationToken);
        IReadOnlyDictionary<ObjectKind, long> counts;
        await using (var connection = await openDatabase())
        {
            counts = await KcidbTables.VerifyCountsAsync(connection, generator.Shape, cancellationToken);
        }

        await ApiSampleCheck.VerifyAsync(run.Client, generator, cancellationToken);
        var ingestSeconds = stopwatch.Elapsed.TotalSeconds;
        var serverCpuSeconds = (run.Server.CpuTime - cpuBefore).TotalSeconds;
        var backendCpuSeconds = backends is null ? null : await backends.StopAsync(cancellationToken);
        var ingestMemory = run.Memory.Peak;
        var backendCpu = backendCpuSeconds is { } b ? $", PostgreSQL backends' CPU {b:F1} s" : "";
        await output.WriteLineAsync($"[{run.Name}] {files.Objects:N0} objects queryable after {ingestSeconds:F1} s ({files.Objects / ingestSeconds:N0}/s, " +
            $"server CPU {serverCpuSeconds:F1} s{backendCpu}); timing queries");

        var queries = await new QueryLatencyProbe(run.Client, settings.QueriesPerEndpoint).RunAsync(QueryPlan.For(generator), cancellationToken);
        return new ServerRunResult(
            database,
            files.Objects,
            ids.Length,
            uploadSeconds,
            ingestSeconds,
            serverCpuSeconds,
            backendCpuSeconds,
            ingestMemory,
            run.Memory.Peak,
            counts.ToDictionary(c => KcidbTables.Names[c.Key], c => c.Value),
            queries);
    }

    internal static async Task<string> IssueTokenAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(
            RepoPaths.ServerExecutable,
            ["kcidb", "token", "--data-dir", dataDirectory, "--origin", IdFactory.Origin, "--admin"],
            cancellationToken);
        if (result.ExitCode != 0 || string.IsNullOrWhiteSpace(result.Output))
        {
            throw new BenchFailure($"kernelci kcidb token exited with {result.ExitCode}: {result.Error}");
        }

        return result.Output.Trim();
    }

    // The direct SQL count runs beside the server, as a dashboard would; SQLite's WAL lets it read during writes.
    // KCIDB has its own SQLite file; a server from before that keeps it in kernelci.db, and a paired base run needs it.
    internal static async Task<DbConnection> OpenAsync(string? postgres, string dataDirectory, CancellationToken cancellationToken)
    {
        var sqliteFile = Path.Combine(dataDirectory, "kcidb.db");
        if (!File.Exists(sqliteFile))
        {
            sqliteFile = Path.Combine(dataDirectory, "kernelci.db");
        }

        DbConnection connection = postgres is not null
            ? new NpgsqlConnection(postgres)
            : new SqliteConnection($"Data Source={sqliteFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
