using System.Globalization;
using KernelCI.Bench.Infrastructure;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

internal sealed class MaestroBenchmark(MaestroSettings settings, TextWriter output)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(RepoPaths.ServerExecutable))
        {
            throw new BenchFailure($"{RepoPaths.ServerExecutable} is missing; run the benchmarks through ./bench.sh, which builds it");
        }

        foreach (var db in settings.Databases)
        {
            await using var scratch = db == "postgres" ? await PostgresScratch.CreateAsync(settings.Postgres, "maestro", cancellationToken) : null;
            // PostgreSQL allows 100 connections by default; 100 long-polling listeners must not take them all.
            await RunOneAsync(db, scratch is null ? null : scratch.ConnectionString + ";Maximum Pool Size=40", cancellationToken);
        }

        return ExitCodes.Success;
    }

    private async Task RunOneAsync(string db, string? connection, CancellationToken cancellationToken)
    {
        await using var server = await MaestroServer.StartAsync(connection, cancellationToken);
        var client = server.Client();
        await Line($"== maestro on {db}");
        await CreateLoad.WarmUpAsync(client, settings.WarmUp, settings.Concurrency, cancellationToken);
        var cpu = await ProcessCpu.StartAsync(server.ProcessId, server.Database, cancellationToken);
        var api = await CreateLoad.ApiAsync(client, settings.Creates, settings.Concurrency, cancellationToken);
        var (serverCpu, postgresCpu) = await cpu.StopAsync(cancellationToken);
        var sql = await CreateLoad.SqlAsync(server.Database, settings.Creates, settings.Concurrency, cancellationToken);
        await Line($"creates/s, {settings.Concurrency} clients: API {api:F0}, SQL baseline {sql:F0} ({100 * api / sql:F0} %)");
        await Line($"CPU per API create: server {1e6 * serverCpu / settings.Creates:F0} µs" + (db == "postgres" ? $", PostgreSQL backends {1e6 * postgresCpu / settings.Creates:F0} µs" : ""));

        var (p50, p99) = await EventLatency.RunAsync(client, settings.Subscribers, settings.LatencyEvents, cancellationToken);
        await Line($"event latency write→delivery, {settings.Subscribers} listeners: p50 {p50:F1} ms, p99 {p99:F1} ms");

        var rate = await CatchUp.RunAsync(client, server.Database, settings.CatchUpEvents, cancellationToken);
        await Line($"catch-up, {settings.CatchUpEvents} events behind: {rate:F0} events/s");

        var fill = System.Diagnostics.Stopwatch.StartNew();
        var vacuum = await NodeFill.FillAsync(server.Database, settings.StoredNodes, cancellationToken);
        await Line($"stored {settings.StoredNodes} nodes in {fill.Elapsed.TotalSeconds:F0} s" + (vacuum > TimeSpan.Zero ? $", of which VACUUM (ANALYZE) {vacuum.TotalSeconds:F0} s" : ""));
        foreach (var (name, q50, q95) in await QueryLatency.RunAsync(server.Http, server.Database.Kind, settings.StoredNodes, settings.QueryRepeats, cancellationToken))
        {
            await Line($"  {name,-45} p50 {q50,8:F1} ms  p95 {q95,8:F1} ms");
        }
    }

    private Task Line(string text) => output.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));
}
