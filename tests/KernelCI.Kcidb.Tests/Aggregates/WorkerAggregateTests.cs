using System.Net.Http.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Submissions;
using KernelCI.Testing;
using static KernelCI.Kcidb.Tests.Aggregates.AggregateDocs;

namespace KernelCI.Kcidb.Tests.Aggregates;

/// <summary>The ingester itself (spool, batcher, the long-lived writer) keeps the aggregates, not only IngestAsync.</summary>
public sealed class WorkerAggregateTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Submissions_ingested_by_the_running_ingester_update_the_aggregates(DatabaseKind kind)
    {
        await using var app = await KcidbTestApp.StartAsync(kind);
        var token = app.Token("o");
        var client = new KernelCI.Client.Kcidb.KcidbClient(app.Client, token);
        var first = await SubmitAsync(app, token, $$"""
            {"version": {"major": 5, "minor": 3}, "builds": [{{Build("o:b1", "o:c1")}}],
             "tests": [{{Test("o:t1", "o:b1", "FAIL", "boot", "rpi")}}, {{Test("o:t2", "o:b1")}}]}
            """);
        await client.WaitAsync(first, TimeSpan.FromMilliseconds(20), cancellationToken: TestContext.Current.CancellationToken);

        var second = await SubmitAsync(app, token, $$"""
            {"version": {"major": 5, "minor": 3}, "tests": [{{Test("o:t1", "o:b1", "PASS", path: null)}}]}
            """);
        var status = await client.WaitAsync(second, TimeSpan.FromMilliseconds(20), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("processed", status.Status);
        Assert.Equal(1, await AggregateTables.CountAsync(app.Database, "dash_checkout_status", "checkout_id = 'o:c1' AND kind = 'boot' AND status = 'PASS'"));
        Assert.Equal(0, await AggregateTables.RowsAsync(app.Database, "dash_checkout_status", "status = 'FAIL'"));
        await AggregateTables.AssertExactAsync(app.Database);
    }

    private static async Task<string> SubmitAsync(KcidbTestApp app, string token, string body)
    {
        using var response = await app.Client.SendAsync(app.Request(HttpMethod.Post, "/submit", token, body));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubmissionReply>(TestContext.Current.CancellationToken))!.Id;
    }
}
