using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>Sorting reads nodes in index order, or sorts the few a selective filter picks, never the whole table.</summary>
public sealed class NodeSortRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sort_on_an_unindexed_data_field_is_a_400_naming_sort(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var response = await app.SendAsync(HttpMethod.Get, "nodes?kind=test&sort=-data.misc.x", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("sort:", JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sort_on_an_unindexed_field_within_one_tree_is_allowed(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var token = await app.TokenAsync("pipeline");
        await app.SendAsync(HttpMethod.Post, "node", token, SampleNodes.CheckoutJson());

        var response = await app.SendAsync(HttpMethod.Get, "nodes/fast?treeid=none&sort=result,-data.misc.x", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sort_on_indexed_fields_is_allowed_without_a_filter(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);

        var response = await app.SendAsync(HttpMethod.Get, "nodes?sort=-created,data.kernel_revision.commit,name", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
