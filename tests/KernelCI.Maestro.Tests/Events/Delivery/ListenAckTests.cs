using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Events.Delivery;

/// <summary>Durable delivery when a reply is lost: `?ack=SEQ` acknowledges only what the subscriber has processed,
/// and subscribing again resumes after the last acknowledged event. Without `ack` (upstream's clients) the next poll
/// acknowledges, as before.</summary>
public sealed class ListenAckTests
{
    private static readonly MaestroOptions ShortKeepAlive = new() { KeepAlive = TimeSpan.FromMilliseconds(300) };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    // The node name and _sequence_id of one /listen reply; ("BEEP", 0) for a keep-alive.
    private static async Task<(string Name, long Sequence)> ListenAsync(MaestroTestApp app, string token, long id, string query = "")
    {
        var response = await app.SendAsync(HttpMethod.Get, $"listen/{id}{query}", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelope = JsonNode.Parse((await JsonAsync(response))["data"]!.ToString())!;
        return envelope["data"] is JsonObject data ? (data["name"]!.ToString(), envelope["_sequence_id"]!.GetValue<long>()) : ("BEEP", 0);
    }

    private static async Task<(MaestroTestApp App, string Token, long Id)> StartAsync(DatabaseKind kind, int nodes)
    {
        var app = await MaestroTestApp.StartAsync(kind, ShortKeepAlive);
        var token = await app.TokenAsync("scheduler");
        var id = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=scheduler:node&promisc=true", token)))["id"]!.GetValue<long>();
        for (var i = 1; i <= nodes; i++)
        {
            await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson($"n{i}"));
        }

        // On PostgreSQL events get their positions in a pass after the commit; /events runs one, so batches see them all.
        await app.SendAsync(HttpMethod.Get, "events?limit=1", null);
        return (app, token, id);
    }

    private static async Task<long> ResubscribeAsync(MaestroTestApp app, string token) =>
        (await JsonAsync(await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=scheduler:node&promisc=true", token)))["id"]!.GetValue<long>();

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Poll_with_the_same_ack_gets_the_lost_event_again(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 2);
        await using var _ = app;

        var first = await ListenAsync(app, token, id, "?ack=0");
        var again = await ListenAsync(app, token, id, "?ack=0");
        var next = await ListenAsync(app, token, id, $"?ack={first.Sequence}");

        Assert.Equal(["n1", "n1", "n2"], [first.Name, again.Name, next.Name]);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Subscribing_again_resumes_after_the_last_acknowledged_event(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 3);
        await using var _ = app;
        var first = await ListenAsync(app, token, id, "?ack=0");
        await ListenAsync(app, token, id, $"?ack={first.Sequence}");
        await ListenAsync(app, token, id, $"?ack={first.Sequence}");

        var resumed = await ResubscribeAsync(app, token);
        var received = await ListenAsync(app, token, resumed, "?ack=0");

        Assert.Equal((id, "n2"), (resumed, received.Name));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Without_ack_the_next_poll_acknowledges_and_subscribing_again_resends_the_last_event(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 3);
        await using var _ = app;
        var first = await ListenAsync(app, token, id);
        var second = await ListenAsync(app, token, id);

        var resumed = await ResubscribeAsync(app, token);
        var received = await ListenAsync(app, token, resumed);
        var after = await ListenAsync(app, token, resumed);

        Assert.Equal(["n1", "n2", "n2", "n3"], [first.Name, second.Name, received.Name, after.Name]);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Ack_never_moves_back_nor_past_what_was_handed_out(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 3);
        await using var _ = app;
        var first = await ListenAsync(app, token, id, "?ack=0");
        var second = await ListenAsync(app, token, id, $"?ack={first.Sequence}");

        var skipped = await ListenAsync(app, token, id, "?ack=999999");
        var back = await ListenAsync(app, token, id, "?ack=0");

        Assert.Equal(["n2", "n3", "n3"], [second.Name, skipped.Name, back.Name]);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_with_ack_hands_out_the_unacknowledged_events_again(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 3);
        await using var _ = app;
        var first = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, $"listen/{id}/batch?max=2&ack=0", token)).Content.ReadAsStringAsync(Ct))!.AsArray();
        var sequence = JsonNode.Parse(first[0]!["data"]!.ToString())!["_sequence_id"]!.GetValue<long>();

        var again = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, $"listen/{id}/batch?max=2&ack={sequence}", token)).Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Equal(["n2", "n3"], again.Select(m => JsonNode.Parse(m!["data"]!.ToString())!["data"]!["name"]!.ToString()));
    }

    [Fact]
    public async Task Ack_that_is_not_a_sequence_number_is_a_400_naming_the_field()
    {
        var (app, token, id) = await StartAsync(DatabaseKind.Sqlite, 0);
        await using var _ = app;

        var response = await app.SendAsync(HttpMethod.Get, $"listen/{id}?ack=-1", token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("ack:", (await JsonAsync(response))["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_subscribes_with_one_subscriber_id_all_get_the_same_subscription(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("lab");

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=lab:node", token)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var ids = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r))["id"]!.GetValue<long>()));
        Assert.Single(ids.Distinct());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Subscriber_id_used_by_another_user_is_a_separate_subscription(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var squatter = await app.TokenAsync("squatter");
        var lab = await app.TokenAsync("lab");
        var squatted = await JsonAsync(await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=lab:node", squatter));

        var response = await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=lab:node", lab);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var own = await JsonAsync(response);
        Assert.NotEqual(squatted["id"]!.GetValue<long>(), own["id"]!.GetValue<long>());
        Assert.Equal("lab", own["user"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Client_that_acks_gets_the_unacknowledged_event_again_after_reconnecting(DatabaseKind kind)
    {
        var (app, token, id) = await StartAsync(kind, 2);
        await using var _ = app;
        var client = app.Client(token);
        var first = await client.ListenAsync(id, 0, Ct);
        await client.ListenAsync(id, first!.Sequence, Ct);

        var again = await client.SubscribeAsync("node", "scheduler:node", true, Ct);
        var received = await client.ListenAsync(again.Id, first.Sequence, Ct);

        Assert.Equal(("n1", "n2"), (first.Data!["name"]!.ToString(), received!.Data!["name"]!.ToString()));
    }
}
