using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests;

/// <summary>Schema version 4 moved PostgreSQL's event positions out of the event rows; a log written before it must
/// read back the same, and events that were waiting for a position must get one after the others.</summary>
public sealed class EventPositionsUpgradeTests
{
    private const string Envelope = """{"specversion":"1.0","id":"old","source":"https://api.kernelci.org/","type":"api.kernelci.org","time":"2026-01-01T00:00:00.000000"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Upgrade_keeps_event_positions_and_positions_waiting_events_after_them(DatabaseKind kind)
    {
        var database = await TestDatabase.CreateAsync(kind);
        await Migrator.ApplyAsync(database.Database, MaestroMigrations.All.Where(m => m.Version <= 3), Ct);
        // Positions 1 and 2 given before the upgrade; on PostgreSQL the third was committed but not yet positioned.
        var third = kind == DatabaseKind.PostgreSql ? "NULL" : "3";
        await ExecuteAsync(database.Database, $$"""
            INSERT INTO maestro_events (pos, channel, owner, timestamp, data, cloud_event) VALUES
              (1, 'node', NULL, '2026-01-01T00:00:01.000000', '{"id": "a"}', '{{Envelope}}'),
              (2, 'node', 'bob', '2026-01-01T00:00:02.000000', '{"id": "b"}', '{{Envelope}}'),
              ({{third}}, 'node', NULL, '2026-01-01T00:00:03.000000', '{"id": "c"}', '{{Envelope}}')
            """);

        await using var app = await MaestroTestApp.StartOnAsync(database);
        var events = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "events?channel=node", null)).Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Equal([(1L, "a"), (2L, "b"), (3L, "c")], events.Select(e => (e!["sequence_id"]!.GetValue<long>(), e["data"]!["id"]!.ToString())));
    }

    private static async Task ExecuteAsync(Database database, string sql)
    {
        await using var connection = await database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
