using KernelCI.Data;

namespace KernelCI.Maestro.Tests.Events;

/// <summary>Fills the event log directly, so that catch-up tests need not make 100,000 writes through HTTP.</summary>
internal static class EventLog
{
    private const string Envelope = """{"specversion":"1.0","id":"bulk","source":"https://api.kernelci.org/","type":"api.kernelci.org","time":"2026-01-01T00:00:00.000000"}""";

    public static async Task BulkInsertAsync(Database database, int count)
    {
        var sql = database.Kind == DatabaseKind.PostgreSql
            ? $"INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) SELECT (SELECT COALESCE(MAX(pos), 0) FROM maestro_events) + g, 'node', NULL, '2026-01-01T00:00:00.000000', jsonb_build_object('op', 'created', 'id', g::text), '{Envelope}' FROM generate_series(1, {count}) g"
            : $"WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {count}) INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) SELECT (SELECT COALESCE(MAX(pos), 0) FROM maestro_events) + n, 'node', NULL, '2026-01-01T00:00:00.000000', json_object('op', 'created', 'id', CAST(n AS TEXT)), '{Envelope}' FROM g";
        await using var connection = await database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
