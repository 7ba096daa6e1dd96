using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

public sealed class PipelineTreeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Pipeline_tree_written_through_the_client_reads_back_field_for_field(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("pipeline"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout() with { Submitter = "service:pipeline", Artifacts = new Dictionary<string, string> { ["tarball"] = "https://storage/x.tar.gz" } }, Ct);
        var kbuild = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-x86"), Ct);
        var job = await client.CreateNodeAsync(SampleNodes.Child(kbuild, "job", "baseline-x86"), Ct);
        var test = await client.CreateNodeAsync(SampleNodes.Child(job, "test", "login") with { Group = "baseline-x86", Result = "pass", State = "done" }, Ct);

        foreach (var written in (MaestroNode[])[checkout, kbuild, job, test])
        {
            var read = await client.GetNodeAsync(written.Id!, Ct);
            Assert.NotNull(read);
            Assert.Equal(JsonSerializer(written), JsonSerializer(read));
        }
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nodes_fast_by_treeid_returns_every_node_of_the_tree(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("pipeline"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout("tree-A"), Ct);
        await client.CreateNodeAsync(SampleNodes.Checkout("tree-B"), Ct);
        var kbuild = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-x86"), Ct);
        var tree = new NodeTree(kbuild with { State = "done", Result = "pass" },
        [
            new NodeTree(SampleNodes.Child(kbuild, "job", "kselftest") with { State = "done", Result = "pass" },
                [new NodeTree(SampleNodes.Child(kbuild, "test", "build.kselftest.x") with { State = "done", Result = "pass" }, [])]),
        ]);
        var written = await client.PutTreeAsync(kbuild.Id!, tree, Ct);

        var nodes = await client.GetNodesFastAsync(new NodeFilter().Where("treeid", "tree-A"), Ct);

        Assert.Equal(3, written.Count);
        Assert.Equal(4, nodes.Count);
        Assert.All(written.Skip(1), n => Assert.Equal("tree-A", n.Treeid));
        Assert.Equal(written[1].Id, written[2].Parent);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Watch_state_rules_hold_for_kbuild_and_checkout(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("pipeline"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        var kbuild = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-x86"), Ct);

        var done = await client.PatchNodeAsync(kbuild.Id!, new JsonObject { ["state"] = "done", ["result"] = "pass" }, cancellationToken: Ct);
        var available = await client.PatchNodeAsync(checkout.Id!, new JsonObject { ["state"] = "available", ["result"] = "pass" }, cancellationToken: Ct);
        var closing = await client.PatchNodeAsync(checkout.Id!, new JsonObject { ["state"] = "closing" }, cancellationToken: Ct);
        var error = await Assert.ThrowsAsync<MaestroClientException>(() =>
            client.PatchNodeAsync(kbuild.Id!, new JsonObject { ["state"] = "available" }, cancellationToken: Ct));

        Assert.Equal(("done", "pass"), (done.State, done.Result));
        Assert.Equal("available", available.State);
        Assert.Equal("closing", closing.State);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.All((MaestroNode[])[done, closing], n => Assert.NotNull(n.Updated));
    }

    private static string JsonSerializer(MaestroNode node) =>
        System.Text.Json.JsonSerializer.Serialize(node with { Data = (JsonObject)JsonNode.Parse(Canonical(node.Data))! }, MaestroJson.Options);

    // PostgreSQL's JSONB reorders keys; the comparison is about values.
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => System.Text.Json.JsonSerializer.Serialize(p.Key) + ":" + Canonical(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Canonical)) + "]",
        null => "null",
        _ => node.ToJsonString(),
    };
}
