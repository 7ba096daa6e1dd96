using KernelCI.Dashboard.Web.Live;
using KernelCI.Data;
using KernelCI.Kcidb.Store;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KernelCI.Dashboard.Web.Tests.Live;

public sealed class LiveHeartbeatTests
{
    [Fact]
    public async Task Quiet_stream_gets_a_comment_on_each_heartbeat_of_the_clock()
    {
        // The dashboard as DashboardTestApp starts it, on a clock the test moves.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        await Migrator.ApplyAsync(database.Database, KcidbMigrations.All);
        var folder = Directory.CreateTempSubdirectory("kernelci-live-").FullName;
        await using var app = ComponentApp.Build(new DashboardComponent(), new HostContext(folder, database.Database, new SecretStore(folder), clock),
            b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var store = KcidbStore.Create(database.Database, TimeProvider.System);
            using var seed = System.Text.Json.JsonDocument.Parse(LiveDocuments.Checkout());
            await store.IngestAsync([new AcceptedSubmission("seed", seed.RootElement.Clone())], TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            await using var stream = await SseClient.OpenAsync(client, "/live/tree/mainline/master/" + LiveDocuments.CheckoutCommit);
            Assert.StartsWith("retry:", await stream.NextLineAsync(), StringComparison.Ordinal);
            Assert.StartsWith("id:", await stream.NextLineAsync(), StringComparison.Ordinal);

            clock.Advance(LivePages.HeartbeatInterval);

            Assert.Equal("event: results", await stream.NextLineAsync());
            Assert.StartsWith("data:", await stream.NextLineAsync(), StringComparison.Ordinal);
            Assert.Equal(": heartbeat", await stream.NextLineAsync());
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            Directory.Delete(folder, recursive: true);
        }
    }
}
