using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Maestro.Nodes;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>One node's size is bounded on every write, and its user_groups must exist.</summary>
public sealed class NodeLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Checkout() => JsonNode.Parse(SampleNodes.CheckoutJson())!.AsObject();

    public static TheoryData<DatabaseKind, string> Oversized()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in (DatabaseKind[])[DatabaseKind.Sqlite, DatabaseKind.PostgreSql])
        {
            foreach (var field in (string[])["name", "path", "artifacts", "artifacts.log", "data", "platform_filter"])
            {
                data.Add(kind, field);
            }
        }

        return data;
    }

    private static void Oversize(JsonObject body, string field)
    {
        switch (field)
        {
            case "name": body["name"] = new string('n', NodeLimits.MaxText + 1); break;
            case "path": body["path"] = new JsonArray(Enumerable.Range(0, NodeLimits.MaxPath + 1).Select(i => (JsonNode)("p" + i)).ToArray()); break;
            case "artifacts":
                body["artifacts"] = new JsonObject(Enumerable.Range(0, NodeLimits.MaxArtifacts + 1)
                    .Select(i => new KeyValuePair<string, JsonNode?>("a" + i, "https://example.org/" + i)));
                break;
            case "artifacts.log": body["artifacts"] = new JsonObject { ["log"] = "https://example.org/" + new string('x', NodeLimits.MaxUrl) }; break;
            case "data": body["data"]!["blob"] = new string('d', NodeLimits.MaxObjectBytes); break;
            default: body[field] = new JsonArray(Enumerable.Range(0, NodeLimits.MaxListItems + 1).Select(i => (JsonNode)"x").ToArray()); break;
        }
    }

    [Theory, MemberData(nameof(Oversized))]
    public async Task Oversized_field_on_create_is_a_400_naming_it(DatabaseKind kind, string field)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var body = Checkout();
        Oversize(body, field);

        var response = await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(field + ":", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("0", await (await app.SendAsync(HttpMethod.Get, "count", null)).Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Oversized_patch_is_a_400_and_the_node_is_kept(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var id = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())).Content.ReadAsStringAsync(Ct))!["id"]!.ToString();
        var stored = await (await app.SendAsync(HttpMethod.Get, $"node/{id}", null)).Content.ReadAsStringAsync(Ct);
        var patch = new JsonObject { ["data"] = new JsonObject { ["blob"] = new string('d', NodeLimits.MaxObjectBytes) } };

        var response = await app.SendAsync(HttpMethod.Patch, $"node/{id}", token, patch.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(stored, await (await app.SendAsync(HttpMethod.Get, $"node/{id}", null)).Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task User_groups_naming_a_missing_group_are_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var body = Checkout();
        body["user_groups"] = new JsonArray("no-such-group");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-group", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task User_groups_naming_a_missing_group_in_a_hierarchy_are_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var root = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())).Content.ReadAsStringAsync(Ct))!.AsObject();
        var child = new JsonObject { ["kind"] = "test", ["name"] = "t", ["path"] = new JsonArray("checkout", "t"), ["user_groups"] = new JsonArray("no-such-group") };
        var body = new JsonObject { ["node"] = root.DeepClone(), ["child_nodes"] = new JsonArray(new JsonObject { ["node"] = child }) };

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", token, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("1", await (await app.SendAsync(HttpMethod.Get, "count", null)).Content.ReadAsStringAsync(Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task User_groups_naming_an_existing_group_are_kept(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice", false, "kernelci-team");
        var body = Checkout();
        body["user_groups"] = new JsonArray("kernelci-team");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("kernelci-team", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["user_groups"]![0]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_child_with_a_non_string_id_is_a_400(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("alice");
        var root = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson())).Content.ReadAsStringAsync(Ct))!.AsObject();
        var child = new JsonObject { ["id"] = 5, ["kind"] = "test", ["name"] = "t", ["path"] = new JsonArray("checkout", "t") };
        var body = new JsonObject { ["node"] = root.DeepClone(), ["child_nodes"] = new JsonArray(new JsonObject { ["node"] = child }, 7) };

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", token, body.ToJsonString());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
