using System.Diagnostics;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>Node creates from concurrent clients through the API, and the same rows inserted directly as SQL.</summary>
internal static class CreateLoad
{
    public static MaestroNode Node(int i) => new()
    {
        Kind = "kbuild",
        Name = $"kbuild-gcc-12-{i % 50}",
        Path = ["checkout", $"kbuild-gcc-12-{i % 50}"],
        Treeid = $"bench-{i / 100}",
        Data = new JsonObject
        {
            ["kernel_revision"] = new JsonObject { ["tree"] = "mainline", ["url"] = "https://git.kernel.org/linux.git", ["branch"] = "master", ["commit"] = $"c{i / 100}" },
            ["arch"] = "x86_64",
            ["defconfig"] = "defconfig",
            ["compiler"] = "gcc-12",
        },
    };

    /// <summary>Creates for <paramref name="duration"/>, untimed: a server just started spends its first half minute
    /// or so of load compiling its hot paths again, optimised (tiered JIT), which a long-running deployment does not.</summary>
    public static async Task WarmUpAsync(MaestroClient client, TimeSpan duration, int concurrency, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                await client.CreateNodeAsync(Node(Interlocked.Increment(ref next)), cancellationToken);
            }
        }, cancellationToken)));
    }

    public static async Task<double> ApiAsync(MaestroClient client, int total, int concurrency, CancellationToken cancellationToken)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await client.CreateNodeAsync(Node(i), cancellationToken);
            }
        }, cancellationToken)));
        return total / clock.Elapsed.TotalSeconds;
    }

    public static async Task<double> SqlAsync(Database database, int total, int concurrency, CancellationToken cancellationToken)
    {
        var doc = System.Text.Json.JsonSerializer.Serialize(Node(0), MaestroJson.Options);
        var pg = database.Kind == DatabaseKind.PostgreSql;
        var sql = "INSERT INTO maestro_nodes (id, kind, name, \"group\", parent, state, result, owner, submitter, treeid, created, updated, timeout, holdoff, processed_by_kcidb_bridge, retry_counter, doc) " +
            $"VALUES (@id, 'kbuild', @name, NULL, NULL, 'running', NULL, 'bench', NULL, @treeid, @now, @now, @now, NULL, @flag, 0, {(pg ? "CAST(@doc AS jsonb)" : "@doc")})";
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                command.AddParameter("id", "ffff" + i.ToString("x20", System.Globalization.CultureInfo.InvariantCulture));
                command.AddParameter("name", $"kbuild-gcc-12-{i % 50}");
                command.AddParameter("treeid", $"sql-{i / 100}");
                command.AddParameter("now", DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture));
                command.AddParameter("flag", false);
                command.AddParameter("doc", doc);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken)));
        return total / clock.Elapsed.TotalSeconds;
    }
}
