using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Events;
using KernelCI.Maestro.Nodes;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests;

/// <summary>Bodies, query strings and forms the databases could not take are a 400 naming the field, not a 500.</summary>
public sealed class RequestInputTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.ToString();
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Duplicate_keys_in_a_body_are_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token,
            """{"kind":"checkout","name":"a","name":"b","path":["a"]}""");

        Assert.Contains("name", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nul_in_a_node_field_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token,
            """{"kind":"checkout","name":"a","path":["a"],"data":{"arch":"x\u0000"}}""");

        Assert.StartsWith("data.arch:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unpaired_surrogate_in_a_key_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "publish/node", token, """{"data":{"\ud800":1}}""");

        Assert.Contains("UTF-16", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Unpaired_surrogate_in_a_value_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, """{"kind":"checkout","name":"\udc00","path":["a"]}""");

        Assert.Contains("UTF-16", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Out_of_range_number_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token,
            """{"kind":"checkout","name":"a","path":["a"],"debug":{"x":1e1000000}}""");

        Assert.StartsWith("debug.x:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nul_in_a_query_value_is_a_400_naming_the_parameter(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var response = await app.SendAsync(HttpMethod.Get, "nodes?name=a%00b", null);

        Assert.StartsWith("name:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nul_in_the_login_form_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        using var form = new FormUrlEncodedContent([new("username", "ali\0ce"), new("password", "pw")]);

        var response = await app.Http.PostAsync("user/login", form, Ct);

        Assert.Contains("form", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nul_in_a_multipart_login_form_is_a_400_naming_the_field(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        using var form = new MultipartFormDataContent { { new StringContent("ali\0ce"), "username" }, { new StringContent("pw"), "password" } };

        var response = await app.Http.PostAsync("user/login", form, Ct);

        Assert.StartsWith("username:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Events_filter_with_an_empty_path_segment_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var response = await app.SendAsync(HttpMethod.Get, "events?data..x=1", null);

        Assert.StartsWith("data..x:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Overlong_channel_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "subscribe/" + new string('c', 10_000), token);

        Assert.StartsWith("channel:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Overlong_subscriber_id_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "subscribe/node?subscriber_id=" + new string('s', 10_000), token);

        Assert.StartsWith("subscriber_id:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Batch_of_more_ids_than_the_limit_is_a_400_naming_nodes(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var body = new JsonObject
        {
            ["nodes"] = new JsonArray(Enumerable.Range(0, KernelCI.Maestro.Nodes.NodeBatch.MaxNodes + 1).Select(i => (JsonNode)i.ToString("x24")).ToArray()),
            ["field"] = "processed_by_kcidb_bridge",
            ["value"] = "true",
        };

        var response = await app.SendAsync(HttpMethod.Put, "batch/nodeset", token, body.ToJsonString());

        Assert.StartsWith("nodes:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Oversized_published_data_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var body = new JsonObject { ["data"] = new string('d', KernelCI.Maestro.Events.EventInput.MaxDataBytes) };

        var response = await app.SendAsync(HttpMethod.Post, "publish/retry", token, body.ToJsonString());

        Assert.StartsWith("data:", await DetailAsync(response), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Published_type_of_the_wrong_json_type_is_a_400_naming_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "publish/retry", token, """{"data":{"x":1},"type":{"a":1}}""");

        Assert.StartsWith("type:", await DetailAsync(response), StringComparison.Ordinal);
    }
}
