using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Users;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Users;

/// <summary>Nodes and subscriptions name their owner by username, so a name once held is never given to another
/// account: whoever would take it would inherit the nodes and the queued events.</summary>
public sealed class UsernameReuseTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    private static async Task<string> IdAsync(MaestroTestApp app, string token) =>
        (await JsonAsync(await app.SendAsync(HttpMethod.Get, "whoami", token)))["id"]!.ToString();

    private static Task<HttpResponseMessage> InviteAsync(MaestroTestApp app, string admin, string username) =>
        app.SendAsync(HttpMethod.Post, "user/invite", admin, new JsonObject { ["username"] = username, ["email"] = username + "-new@example.org", ["return_token"] = true }.ToJsonString());

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deleted_users_name_is_never_given_to_a_new_user(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var alice = await app.TokenAsync("alice");
        await app.SendAsync(HttpMethod.Post, "node", alice, SampleNodes.CheckoutJson());
        Assert.Equal(HttpStatusCode.NoContent, (await app.SendAsync(HttpMethod.Delete, $"user/{await IdAsync(app, alice)}", admin)).StatusCode);

        var invite = await InviteAsync(app, admin, "alice");

        Assert.Equal(HttpStatusCode.BadRequest, invite.StatusCode);
        Assert.False(await UserAdmin.AddAsync(app.Database, "alice", false, [], "pw", Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Renamed_from_name_cannot_be_taken_by_invite_or_rename(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var alice = await app.TokenAsync("alice");
        var bob = await app.TokenAsync("bob");
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Patch, "user/me", alice, """{"username":"alice2"}""")).StatusCode);

        var invite = await InviteAsync(app, admin, "alice");
        var rename = await app.SendAsync(HttpMethod.Patch, "user/me", bob, """{"username":"alice"}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (invite.StatusCode, rename.StatusCode));
        Assert.Contains("username", (await JsonAsync(rename))["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("bob", (await JsonAsync(await app.SendAsync(HttpMethod.Get, "whoami", bob)))["username"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Renamed_user_still_edits_its_nodes_and_listens_on_its_durable_subscription(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind, new MaestroOptions { KeepAlive = TimeSpan.FromMilliseconds(300) });
        var alice = await app.TokenAsync("alice");
        var node = await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", alice, SampleNodes.CheckoutJson()));
        var subscription = await JsonAsync(await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=alice:node", alice));
        await app.SendAsync(HttpMethod.Patch, "user/me", alice, """{"username":"alice2"}""");

        var patched = await app.SendAsync(HttpMethod.Patch, $"node/{node["id"]}", alice, """{"state":"done"}""");
        var listened = await app.SendAsync(HttpMethod.Get, $"listen/{subscription["id"]}", alice);
        var resubscribed = await JsonAsync(await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=alice:node", alice));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (patched.StatusCode, listened.StatusCode));
        Assert.Equal("alice", (await JsonAsync(patched))["owner"]!.ToString());
        Assert.Equal((subscription["id"]!.GetValue<long>(), "alice2"), (resubscribed["id"]!.GetValue<long>(), resubscribed["user"]!.ToString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Deleted_users_durable_subscription_is_gone_with_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);
        var alice = await app.TokenAsync("alice");
        await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=alice:node", alice);
        await app.SendAsync(HttpMethod.Delete, $"user/{await IdAsync(app, alice)}", admin);

        var stats = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, "stats/subscriptions", admin)).Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Empty(stats);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_invites_of_one_name_create_one_user_and_refuse_the_rest(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.SendAsync(HttpMethod.Post, "user/invite", admin, new JsonObject { ["username"] = "carol", ["email"] = $"carol{i}@example.org" }.ToJsonString())));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Concurrent_creates_of_one_group_make_one_and_refuse_the_rest(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var admin = await app.TokenAsync("admin", admin: true);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.SendAsync(HttpMethod.Post, "user-groups", admin, """{"name":"lab-team"}""")));

        Assert.Equal(1, responses.Count(r => r.IsSuccessStatusCode));
        Assert.All(responses.Where(r => !r.IsSuccessStatusCode), r => Assert.True((int)r.StatusCode is >= 400 and < 500));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Migration_reserves_the_names_of_users_gone_before_it_and_keys_subscriptions_by_user_id(DatabaseKind kind)
    {
        await using var test = await TestDatabase.CreateAsync(kind);
        var database = test.Database;
        await Migrator.ApplyAsync(database, MaestroMigrations.All.Where(m => m.Version <= 4), Ct);
        await using (var connection = await database.OpenConnectionAsync(Ct))
        {
            var flag = kind == DatabaseKind.PostgreSql ? "TRUE" : "1";
            var doc = kind == DatabaseKind.PostgreSql ? "'{}'::jsonb" : "'{}'";
            await using var command = Sql.Command(connection, null, $"""
                INSERT INTO maestro_users VALUES ('u-alice', 'alice', 'alice@x', 'h', {flag}, {flag}, {flag}, '[]', 0);
                INSERT INTO maestro_nodes (id, kind, name, state, owner, created, updated, processed_by_kcidb_bridge, retry_counter, doc)
                    VALUES ('n1', 'checkout', 'c', 'running', 'ghost', 't', 't', {flag}, 0, {doc});
                INSERT INTO maestro_subscriptions (subscriber_id, channel, username, promiscuous, acked, delivered, created)
                    VALUES ('a', 'node', 'alice', {flag}, 0, 0, 't'), ('g', 'node', 'gone', {flag}, 0, 0, 't'), ('x', 'node', 'alice', {flag}, 0, 0, 't');
                DELETE FROM maestro_subscriptions WHERE subscriber_id = 'x';
                """);
            await command.ExecuteNonQueryAsync(Ct);
        }

        await Migrator.ApplyAsync(database, MaestroMigrations.All, Ct);

        Assert.False(await UserAdmin.AddAsync(database, "ghost", false, [], "pw", Ct));
        Assert.False(await UserAdmin.AddAsync(database, "gone", false, [], "pw", Ct));
        Assert.True(await UserAdmin.AddAsync(database, "new", false, [], "pw", Ct));
        await using var read = await database.OpenConnectionAsync(Ct);
        await using var owners = Sql.Command(read, null, "SELECT subscriber_id || '=' || COALESCE(user_id, '-') FROM maestro_subscriptions ORDER BY subscriber_id");
        await using var reader = await owners.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        Assert.Equal(["a=u-alice", "g=-"], rows);
        await reader.DisposeAsync();
        await using var next = Sql.Command(read, null,
            "INSERT INTO maestro_subscriptions (subscriber_id, channel, username, user_id, promiscuous, acked, delivered, created) VALUES ('y', 'node', 'alice', 'u-alice', TRUE, 0, 0, 't') RETURNING id");
        Assert.Equal(4L, Convert.ToInt64(await next.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture));
    }
}
