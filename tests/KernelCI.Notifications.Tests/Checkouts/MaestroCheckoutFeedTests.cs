using System.Net.Http.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Maestro.Users;
using KernelCI.Maestro;
using KernelCI.Notifications.Checkouts;
using KernelCI.ServiceDefaults;
using KernelCI.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Notifications.Tests.Checkouts;

/// <summary>The checkout feed against a real Maestro (in process, SQLite): its event stream's filters and numbers.</summary>
public sealed class MaestroCheckoutFeedTests
{
    [Fact]
    public async Task Checkout_reaching_done_comes_through_Maestros_stream_and_nothing_else_does()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        var directory = Directory.CreateTempSubdirectory("kernelci-notify-maestro-").FullName;
        try
        {
            await Migrator.ApplyAsync(database.Database, MaestroMigrations.All);
            var context = new HostContext(directory, database.Database, new SecretStore(directory), TimeProvider.System);
            await using var maestro = ComponentApp.Build(new MaestroComponent(new MaestroOptions()), context, b => b.WebHost.UseTestServer());
            await maestro.StartAsync(cancel);
            await UserAdmin.AddAsync(database.Database, "pipeline", false, ["node:edit:any"], "secret");
            var token = (await UserAdmin.TokenAsync(database.Database, new SecretStore(directory).Get(UserTokens.SecretName), "pipeline", TimeSpan.FromHours(1)))!;
            var http = maestro.GetTestClient();
            http.BaseAddress = new Uri(http.BaseAddress!, "/latest/");
            var client = new MaestroClient(http, token);

            // A patchset and a kbuild reach done too; only the checkout is a summary's cause
            var checkout = await CreateAsync(http, token, "checkout", "checkout", cancel);
            var patchset = await CreateAsync(http, token, "checkout", "patchset", cancel);
            var kbuild = await CreateAsync(http, token, "kbuild", "kbuild-gcc-12-x86", cancel);
            foreach (var id in new[] { kbuild, patchset, checkout })
            {
                await client.PatchNodeAsync(id, new JsonObject { ["state"] = "done", ["result"] = "pass" }, cancellationToken: cancel);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(20));
            await using var feed = new MaestroCheckoutFeed(client).ReadAsync(0, timeout.Token).GetAsyncEnumerator(timeout.Token);
            Assert.True(await feed.MoveNextAsync());

            var done = feed.Current;
            Assert.Equal((checkout, "mainline", "master", Regressions.Bad, "pass", false), (done.NodeId, done.Tree, done.Branch, done.Commit, done.Result, done.TimedOut));
            Assert.True(done.Seq > 0);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<string> CreateAsync(HttpClient http, string token, string kind, string name, CancellationToken cancel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "node")
        {
            Content = JsonContent.Create(new JsonObject
            {
                ["kind"] = kind, ["name"] = name, ["path"] = new JsonArray(name), ["state"] = "running",
                ["data"] = new JsonObject
                {
                    ["kernel_revision"] = new JsonObject
                    {
                        ["tree"] = "mainline", ["branch"] = "master", ["commit"] = Regressions.Bad,
                        ["url"] = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git",
                    },
                },
            }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, cancel);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancel))!["id"]!.ToString();
    }
}
