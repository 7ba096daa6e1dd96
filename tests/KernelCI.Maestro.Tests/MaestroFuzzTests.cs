using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests;

/// <summary>A seeded fuzz of the whole API: no malformed request gets a 5xx, and data from before survives it.</summary>
public sealed class MaestroFuzzTests
{
    private const int Seed = 20261206;
    private const int RequestCount = 400;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Malformed_requests_get_no_5xx_and_leave_earlier_data_intact(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var keeper = await app.TokenAsync("keeper", false, "kernelci-team");
        var client = app.Client(keeper);
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var kbuild = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-x86"), Ct);
        string[] ids = [checkout.Id!, kbuild.Id!];
        var before = await SnapshotAsync(app, ids, keeper);

        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        foreach (var request in new MaestroFuzz(Seed, ids, keeper, admin).Requests(RequestCount))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            using var message = request.Build();
            using var response = await app.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{(int)response.StatusCode} for {request}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        Assert.Empty(failures);
        Assert.Equal(before, await SnapshotAsync(app, ids, keeper));
        Assert.NotEmpty(await app.Client(null).LoginAsync("keeper", "secret-keeper", Ct));
    }

    private static async Task<List<string>> SnapshotAsync(MaestroTestApp app, string[] ids, string token)
    {
        var snapshot = new List<string>();
        foreach (var id in ids)
        {
            snapshot.Add(await (await app.SendAsync(HttpMethod.Get, $"node/{id}", null)).Content.ReadAsStringAsync(Ct));
        }

        snapshot.Add(await (await app.SendAsync(HttpMethod.Get, "whoami", token)).Content.ReadAsStringAsync(Ct));
        snapshot.Add(await (await app.SendAsync(HttpMethod.Get, "count", null)).Content.ReadAsStringAsync(Ct));
        Assert.NotNull(JsonNode.Parse(snapshot[^2])!["username"]);
        return snapshot;
    }
}
