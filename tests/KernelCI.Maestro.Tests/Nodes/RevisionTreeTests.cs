using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>A revision's tree becomes a folder and a git remote in the pipeline: only plain names are stored.</summary>
public sealed class RevisionTreeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/srv/x")]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("-o")]
    [InlineData("a b")]
    [InlineData("")]
    public async Task Node_with_a_tree_that_is_not_a_plain_name_is_400_naming_the_field(string tree)
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, Checkout("kernel_revision", tree));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["detail"]!.ToString();
        Assert.StartsWith("data.kernel_revision.tree:", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_revision_tree_follows_the_same_rule()
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, Checkout("test_revision", "../x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("mainline")]
    [InlineData("stable-rc")]
    [InlineData("linux-6.1.y_next")]
    public async Task Node_with_an_upstream_style_tree_name_is_stored(string tree)
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var token = await app.TokenAsync("alice");

        var response = await app.SendAsync(HttpMethod.Post, "node", token, Checkout("kernel_revision", tree));

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
    }

    private static string Checkout(string field, string tree)
    {
        var revision = SampleNodes.Revision(tree: tree);
        return new JsonObject
        {
            ["kind"] = "checkout", ["name"] = "checkout", ["path"] = new JsonArray("checkout"),
            ["data"] = new JsonObject { [field] = revision },
        }.ToJsonString();
    }
}
