using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

public sealed class NodeApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonNode?> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct));

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Post_then_get_returns_all_23_fields(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var created = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())))!.AsObject();

        var fetched = (await JsonAsync(await app.SendAsync(HttpMethod.Get, $"node/{created["id"]}", null)))!.AsObject();

        Assert.Equal(23, fetched.Count);
        Assert.Matches("^[0-9a-f]{24}$", fetched["id"]!.ToString());
        Assert.Equal("alice", fetched["owner"]!.ToString());
        Assert.Equal("running", fetched["state"]!.ToString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$", fetched["created"]!.ToString());
        Assert.Equal(6, fetched["data"]!["kernel_revision"]!["version"]!["version"]!.GetValue<long>());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unknown_data_keys_are_kept(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var body = JsonNode.Parse(SampleNodes.CheckoutJson())!.AsObject();
        body["data"]!["my_extra"] = new JsonObject { ["x"] = 1 };

        var created = await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString()));

        Assert.Equal(1, created!["data"]!["my_extra"]!["x"]!.GetValue<int>());
    }

    [Fact]
    public async Task Get_unknown_node_returns_200_with_null()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var response = await app.SendAsync(HttpMethod.Get, "node/0123456789abcdef01234567", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Get_bad_id_returns_400_with_detail()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var response = await app.SendAsync(HttpMethod.Get, "node/xyz", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ObjectId", (await JsonAsync(response))!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_unknown_kind_returns_400()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        var response = await app.SendAsync(HttpMethod.Post, "node", token, """{"kind":"node","name":"x","path":["x"]}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_without_token_returns_401()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var response = await app.SendAsync(HttpMethod.Post, "node", null, SampleNodes.CheckoutJson());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Post_with_missing_parent_returns_404()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        var response = await app.SendAsync(HttpMethod.Post, "node", token,
            """{"kind":"kbuild","name":"k","path":["checkout","k"],"parent":"0123456789abcdef01234567"}""");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Post_malformed_json_returns_400()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        var response = await app.SendAsync(HttpMethod.Post, "node", token, "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Oversize_body_returns_413()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        using var request = app.Request(HttpMethod.Post, "node", token);
        request.Content = new ByteArrayContent(new byte[33 * 1024 * 1024]);
        request.Content.Headers.ContentType = new("application/json");
        var response = await app.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Patch_with_invalid_transition_returns_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var id = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())))!["id"]!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Patch, $"node/{id}", token, """{"state":"done","result":"pass"}""")).StatusCode);

        var response = await app.SendAsync(HttpMethod.Patch, $"node/{id}", token, """{"state":"running"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Transition not allowed", (await JsonAsync(response))!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_without_patchable_fields_returns_400()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");
        var id = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())))!["id"]!.ToString();
        var response = await app.SendAsync(HttpMethod.Patch, $"node/{id}", token, """{"name":"renamed"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Put_by_another_user_returns_401()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var alice = await app.TokenAsync("alice");
        var bob = await app.TokenAsync("bob");
        var node = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", alice, SampleNodes.CheckoutJson())))!.AsObject();
        node["state"] = "done";

        var response = await app.SendAsync(HttpMethod.Put, $"node/{node["id"]}", bob, node.ToJsonString());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Routes_are_served_under_latest_v0_and_without_prefix()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        foreach (var path in (string[])["/latest/count", "/v0/count", "/count"])
        {
            var response = await app.Http.GetAsync(new Uri(path, UriKind.Relative), Ct);
            Assert.Equal("0", await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await app.Http.GetAsync(new Uri("/v3/count", UriKind.Relative), Ct)).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Put_resets_kcidb_flag_on_state_change(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var node = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())))!.AsObject();
        node["processed_by_kcidb_bridge"] = true;
        var flipped = await JsonAsync(await app.SendAsync(HttpMethod.Put, $"node/{node["id"]}", token, node.ToJsonString()));
        Assert.True(flipped!["processed_by_kcidb_bridge"]!.GetValue<bool>());

        node["state"] = "done";
        var moved = await JsonAsync(await app.SendAsync(HttpMethod.Put, $"node/{node["id"]}", token, node.ToJsonString()));

        Assert.False(moved!["processed_by_kcidb_bridge"]!.GetValue<bool>());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_nodeset_sets_the_kcidb_flag(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var id = (await JsonAsync(await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())))!["id"]!.ToString();

        var response = await app.SendAsync(HttpMethod.Put, "batch/nodeset", token, $$"""{"nodes":["{{id}}"],"field":"processed_by_kcidb_bridge","value":"true"}""");

        Assert.Equal("1", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("1", await (await app.SendAsync(HttpMethod.Get, "count?processed_by_kcidb_bridge=true", null)).Content.ReadAsStringAsync(Ct));
    }
}
