using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

/// <summary>PUT /nodes/{id} inserts a callback's new nodes in multi-row INSERTs (docs/maestro.md, "Hierarchy writes"):
/// a LAVA-sized tree reads back node for node as it was written, with its columns (the filters) and one event.</summary>
public sealed class HierarchyBulkTests
{
    private const int Sets = 10;
    private const int CasesPerSet = 500;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tree_of_5000_cases_is_stored_node_for_node_with_one_event(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("lab"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout("tree-bulk"), Ct);
        var job = await client.CreateNodeAsync(SampleNodes.Child(checkout, "job", "baseline-x86"), Ct);

        var written = await client.PutTreeAsync(job.Id!, Callback(job), Ct);

        Assert.Equal(1 + 1 + Sets + Sets * CasesPerSet, written.Count);
        var stored = await client.GetNodesFastAsync(new NodeFilter().Where("treeid", "tree-bulk").Where("kind", "test"), Ct);
        Assert.Equal(written.Skip(1).Select(n => n.Id).Order(StringComparer.Ordinal), stored.Select(n => n.Id).Order(StringComparer.Ordinal));
        var byId = stored.ToDictionary(n => n.Id!);
        Assert.All(written.Skip(1), n => Assert.Equal((n.Name, n.Parent, n.State, n.Result, n.Owner, string.Join('/', n.Path)),
            (byId[n.Id!].Name, byId[n.Id!].Parent, byId[n.Id!].State, byId[n.Id!].Result, byId[n.Id!].Owner, string.Join('/', byId[n.Id!].Path))));

        // The indexed columns hold what the documents say.
        var sets = written.Where(n => n.Name.StartsWith("set-", StringComparison.Ordinal)).ToList();
        Assert.Equal(Sets, sets.Count);
        Assert.All(sets, s => Assert.Equal(job.Id, s.Parent));
        Assert.Equal(CasesPerSet, await client.CountAsync(new NodeFilter().Where("parent", sets[3].Id), Ct));
        Assert.Equal(Sets * CasesPerSet / 50, await client.CountAsync(new NodeFilter().Where("treeid", "tree-bulk").Where("result", "fail"), Ct));
        Assert.Equal(Sets * CasesPerSet + Sets + 1, await client.CountAsync(new NodeFilter().Where("owner", "lab").Where("kind", "test").Where("state", "done"), Ct));
        // Events are numbered just after their commit: wait for the job's second one (created, then this write).
        JsonArray byJob;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while ((byJob = await EventsAsync(app, $"node_id={job.Id}")).Count < 2)
        {
            await timer.WaitForNextTickAsync(Ct);
        }

        Assert.True((bool)byJob[^1]!["data"]!["is_hierarchy"]!);
        Assert.Empty(await EventsAsync(app, "kind=test"));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_nodes_below_an_existing_child_are_inserted_below_it(DatabaseKind kind)
    {
        await using var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("lab"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout("tree-mixed"), Ct);
        var job = await client.CreateNodeAsync(SampleNodes.Child(checkout, "job", "baseline-x86"), Ct);
        var setup = await client.CreateNodeAsync(SampleNodes.Child(job, "test", "setup"), Ct);

        var tree = new NodeTree(job with { State = "done", Result = "pass" },
        [
            new NodeTree(setup with { State = "done", Result = "pass" }, [Case(job, "login", "pass"), Case(job, "kernelmsg", "fail")]),
            Case(job, "after", "pass"),
        ]);
        var written = await client.PutTreeAsync(job.Id!, tree, Ct);

        var below = await client.GetNodesFastAsync(new NodeFilter().Where("parent", setup.Id), Ct);
        Assert.Equal(["kernelmsg", "login"], below.Select(n => n.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("done", "pass"), ((await client.GetNodeAsync(setup.Id!, Ct))!.State, (await client.GetNodeAsync(setup.Id!, Ct))!.Result));
        Assert.Equal(job.Id, Assert.Single(written, n => n.Name == "after").Parent);
    }

    private static NodeTree Callback(MaestroNode job)
    {
        var sets = new List<NodeTree> { Case(job, "login", "pass") };
        for (var s = 0; s < Sets; s++)
        {
            var cases = Enumerable.Range(0, CasesPerSet).Select(c =>
            {
                var n = s * CasesPerSet + c;
                return Case(job, $"case-{n}", n % 50 == 0 ? "fail" : n % 100 == 1 ? "skip" : "pass");
            }).ToList();
            sets.Add(new NodeTree(SampleNodes.Child(job, "test", $"set-{s}") with { State = "done", Result = "pass" }, cases));
        }

        return new NodeTree(job with { State = "done", Result = "pass" }, sets);
    }

    private static NodeTree Case(MaestroNode job, string name, string result) =>
        new(SampleNodes.Child(job, "test", name) with { State = "done", Result = result, Id = null }, []);

    private static async Task<JsonArray> EventsAsync(MaestroTestApp app, string filter) =>
        JsonNode.Parse(await (await app.SendAsync(HttpMethod.Get, $"events?{filter}&limit=1000", null)).Content.ReadAsStringAsync(Ct))!.AsArray();
}
