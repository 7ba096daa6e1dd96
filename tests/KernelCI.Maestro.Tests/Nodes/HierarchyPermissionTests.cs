using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>PUT /nodes/{id} writes children too: each child that names an existing node must be below the root and
/// editable by the caller, exactly as a direct PUT of it would be.</summary>
public sealed class HierarchyPermissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    private static async Task<JsonObject> CreateAsync(MaestroTestApp app, string token, string name, string? parent = null)
    {
        var body = JsonNode.Parse(SampleNodes.CheckoutJson(name))!.AsObject();
        body["parent"] = parent;
        var response = await app.SendAsync(HttpMethod.Post, "node", token, body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    private static async Task<JsonObject> GetAsync(MaestroTestApp app, string id) =>
        await JsonAsync(await app.SendAsync(HttpMethod.Get, $"node/{id}", null));

    private static string Tree(JsonObject root, params JsonObject[] children) => new JsonObject
    {
        ["node"] = root.DeepClone(),
        ["child_nodes"] = new JsonArray(children.Select(c => (JsonNode)new JsonObject { ["node"] = c.DeepClone(), ["child_nodes"] = new JsonArray() }).ToArray()),
    }.ToJsonString();

    private static JsonObject Renamed(JsonObject node, string name)
    {
        var copy = node.DeepClone().AsObject();
        copy["name"] = name;
        return copy;
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_child_owned_by_another_user_is_refused_and_left_unchanged(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        var bob = await app.TokenAsync("bob");
        var root = await CreateAsync(app, alice, "root");
        var bobs = await CreateAsync(app, bob, "bobs", parent: root["id"]!.ToString());

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", alice, Tree(root, Renamed(bobs, "taken")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(("bobs", "bob"), ((await GetAsync(app, bobs["id"]!.ToString()))["name"]!.ToString(), (await GetAsync(app, bobs["id"]!.ToString()))["owner"]!.ToString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_child_outside_the_roots_subtree_is_refused_and_left_unchanged(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        var root = await CreateAsync(app, alice, "root");
        var elsewhere = await CreateAsync(app, alice, "elsewhere");

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", alice, Tree(root, Renamed(elsewhere, "moved")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("child_nodes", (await JsonAsync(response))["detail"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("elsewhere", (await GetAsync(app, elsewhere["id"]!.ToString()))["name"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_child_may_be_the_roots_grandchild_and_keeps_its_owner(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        var editor = await app.TokenAsync("editor", false, "node:edit:any");
        var root = await CreateAsync(app, alice, "root");
        var child = await CreateAsync(app, alice, "child", parent: root["id"]!.ToString());
        var grandchild = await CreateAsync(app, alice, "grandchild", parent: child["id"]!.ToString());

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", editor, Tree(root, Renamed(grandchild, "updated")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await GetAsync(app, grandchild["id"]!.ToString());
        Assert.Equal(("updated", "alice"), (stored["name"]!.ToString(), stored["owner"]!.ToString()));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_root_cannot_be_written_again_as_its_own_child(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        var root = await CreateAsync(app, alice, "root");

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", alice, Tree(root, Renamed(root, "again")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_new_children_are_owned_by_the_caller_whatever_the_body_says(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        await app.TokenAsync("bob");
        var root = await CreateAsync(app, alice, "root");
        var child = JsonNode.Parse(SampleNodes.CheckoutJson("new"))!.AsObject();
        child["owner"] = "bob";

        var written = JsonNode.Parse(await (await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", alice, Tree(root, child))).Content.ReadAsStringAsync(Ct))!.AsArray();

        Assert.Equal("alice", (await GetAsync(app, written[1]!["id"]!.ToString()))["owner"]!.ToString());
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hierarchy_keeps_the_roots_and_childrens_user_groups_as_a_direct_put_does(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var alice = await app.TokenAsync("alice");
        var root = await CreateAsync(app, alice, "root");
        var child = await CreateAsync(app, alice, "child", parent: root["id"]!.ToString());
        var widened = root.DeepClone().AsObject();
        widened["user_groups"] = new JsonArray("node:edit:any");
        var widenedChild = child.DeepClone().AsObject();
        widenedChild["user_groups"] = new JsonArray("node:edit:any");

        var response = await app.SendAsync(HttpMethod.Put, $"nodes/{root["id"]}", alice, Tree(widened, widenedChild));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await GetAsync(app, root["id"]!.ToString()))["user_groups"]!.AsArray());
        Assert.Empty((await GetAsync(app, child["id"]!.ToString()))["user_groups"]!.AsArray());
    }
}
