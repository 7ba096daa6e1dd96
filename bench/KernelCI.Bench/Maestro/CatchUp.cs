using System.Diagnostics;
using KernelCI.Client.Maestro;
using KernelCI.Data;

namespace KernelCI.Bench.Maestro;

/// <summary>A durable subscriber that is N events behind reads them all back through /listen/{id}/batch.</summary>
internal static class CatchUp
{
    private const string Envelope = """{"specversion":"1.0","id":"bulk","source":"https://api.kernelci.org/","type":"api.kernelci.org","time":"2026-01-01T00:00:00.000000"}""";

    public static async Task<double> RunAsync(MaestroClient client, Database database, int behind, CancellationToken cancellationToken)
    {
        var subscription = await client.SubscribeAsync("catchup", "bench:catchup", true, cancellationToken);
        await using (var connection = await database.OpenConnectionAsync(cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandTimeout = 0;
            command.CommandText = database.Kind == DatabaseKind.PostgreSql
                ? $"INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) SELECT (SELECT COALESCE(MAX(pos), 0) FROM maestro_events) + g, 'catchup', NULL, '2026-01-01T00:00:00.000000', jsonb_build_object('op', 'created', 'id', g::text), '{Envelope}' FROM generate_series(1, {behind}) g"
                : $"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {behind}) INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) SELECT (SELECT COALESCE(MAX(pos), 0) FROM maestro_events) + n, 'catchup', NULL, '2026-01-01T00:00:00.000000', json_object('op', 'created', 'id', CAST(n AS TEXT)), '{Envelope}' FROM g";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var received = 0;
        while (received < behind)
        {
            received += (await client.ListenBatchAsync(subscription.Id, 5000, cancellationToken)).Count;
        }

        return received / clock.Elapsed.TotalSeconds;
    }
}
