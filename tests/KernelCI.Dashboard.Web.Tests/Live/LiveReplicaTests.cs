using System.Text.Json;
using KernelCI.Dashboard.Tests;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using Npgsql;

namespace KernelCI.Dashboard.Web.Tests.Live;

/// <summary>PostgreSQL: results ingested by another replica reach this one's streams through NOTIFY/LISTEN. The other
/// replica is a KCIDB store on its own <see cref="Database"/> (another connection string, so another in-process
/// broadcast that this dashboard does not hear): only the database's notification connects them.</summary>
public sealed class LiveReplicaTests
{
    [Fact]
    public async Task Ingestion_notifies_the_checkouts_it_touched()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.PostgreSql);
        await using var listener = await app.Database.PostgreSql.OpenConnectionAsync(TestContext.Current.CancellationToken);
        string? payload = null;
        listener.Notification += (_, e) => payload = e.Payload;
        await using (var listen = new NpgsqlCommand($"LISTEN {CheckoutChanges.NotifyChannel}", listener))
        {
            await listen.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await WebSeed.SeedAsync(app);
        await listener.WaitAsync(TestContext.Current.CancellationToken);

        var heard = CheckoutChanges.ReadPayload(payload!);
        Assert.Contains(LiveDocuments.HeadCheckout, heard!.Value.CheckoutIds);
    }

    [Fact]
    public async Task Results_ingested_by_another_replica_are_pushed()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.PostgreSql, kestrel: true);
        await WebSeed.SeedAsync(app);
        await using var stream = await SseClient.OpenAsync(app.Client, "/live" + WebSeed.HeadPath);
        var before = await stream.NextAsync();

        await using var replica = Database.Open(app.Database.ConnectionString + ";Application Name=other-replica");
        using var document = JsonDocument.Parse(LiveDocuments.Build("maestro:b-replica", LiveDocuments.HeadCheckout, "FAIL"));
        await KcidbStore.Create(replica, TimeProvider.System)
            .IngestAsync([new AcceptedSubmission("replica-0", document.RootElement.Clone())], TestContext.Current.CancellationToken);
        var after = await stream.NextAsync();

        Assert.Equal(before.Count("builds", "fail") + 1, after.Count("builds", "fail"));
    }
}
