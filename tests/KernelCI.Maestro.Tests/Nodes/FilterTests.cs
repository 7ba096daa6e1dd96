using System.Net;
using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Maestro.Tests.Nodes;

public sealed class FilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(MaestroTestApp App, MaestroClient Client, MaestroNode Checkout)> SeedAsync(DatabaseKind kind)
    {
        var app = await MaestroTestApp.StartAsync(kind);
        var client = app.Client(await app.TokenAsync("pipeline"));
        var checkout = await client.CreateNodeAsync(SampleNodes.Checkout(), Ct);
        await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-x86", "x86_64"), Ct);
        var arm = await client.CreateNodeAsync(SampleNodes.Child(checkout, "kbuild", "kbuild-gcc-12-arm64", "arm64"), Ct);
        await client.UpdateNodeAsync(arm with { State = "done", Result = "fail" }, cancellationToken: Ct);
        await client.CreateNodeAsync(SampleNodes.Child(checkout, "job", "baseline-x86"), Ct);
        return (app, client, checkout);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_validate_query_matches_revision_and_state_ne(DatabaseKind kind)
    {
        var (app, client, _) = await SeedAsync(kind);
        await using var _app = app;
        var filter = new NodeFilter().Where("kind", "kbuild")
            .Where("data.kernel_revision.url", "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
            .Where("data.kernel_revision.branch", "master").Where("data.kernel_revision.commit", "abc123")
            .Where("state", "ne", "running");

        var nodes = await client.GetNodesFastAsync(filter, Ct);

        Assert.Equal("kbuild-gcc-12-arm64", Assert.Single(nodes).Name);
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task In_regex_and_nested_fields_filter(DatabaseKind kind)
    {
        var (app, client, _) = await SeedAsync(kind);
        await using var _app = app;

        Assert.Equal(3, await client.CountAsync(new NodeFilter().In("kind", "kbuild", "job"), Ct));
        Assert.Equal(1, await client.CountAsync(new NodeFilter().Where("name", "re", "^baseline"), Ct));
        Assert.Equal(1, await client.CountAsync(new NodeFilter().Where("data.arch", "arm64"), Ct));
        Assert.Equal(3, await client.CountAsync(new NodeFilter().Where("data.arch", "ne", "arm64"), Ct));
        Assert.Equal(3, await client.CountAsync(new NodeFilter().Where("result", null), Ct));
        Assert.Equal(1, await client.CountAsync(new NodeFilter().Where("result", "ne", null), Ct));
        Assert.Equal(4, await client.CountAsync(new NodeFilter().Where("processed_by_kcidb_bridge", "false"), Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Typed_fields_compare_as_times_and_integers(DatabaseKind kind)
    {
        var (app, client, _) = await SeedAsync(kind);
        await using var _app = app;

        Assert.Equal(4, await client.CountAsync(new NodeFilter().Where("created", "gt", DateTime.UtcNow.AddHours(-1)), Ct));
        Assert.Equal(0, await client.CountAsync(new NodeFilter().Where("created", "gt", DateTime.UtcNow.AddHours(1)), Ct));
        Assert.Equal(4, await client.CountAsync(new NodeFilter().Where("state", "running").Where("timeout", "lt", DateTime.UtcNow.AddDays(1))
            .Where("kind", "ne", "nothing"), Ct) + 1);
        Assert.Equal(1, await client.CountAsync(new NodeFilter().Where("data.kernel_revision.version.version", "int", "6").Where("kind", "checkout"), Ct));
        Assert.Equal(0, await client.CountAsync(new NodeFilter().Where("data.kernel_revision.version.version", "6"), Ct));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Sort_orders_by_any_field_both_ways(DatabaseKind kind)
    {
        var (app, client, _) = await SeedAsync(kind);
        await using var _app = app;

        var ascending = await client.GetNodesFastAsync(new NodeFilter().SortBy("name"), Ct);
        var descending = await client.GetNodesFastAsync(new NodeFilter().SortBy("data.arch", descending: true).Where("kind", "kbuild"), Ct);

        Assert.Equal(ascending.Select(n => n.Name).Order(StringComparer.Ordinal), ascending.Select(n => n.Name));
        Assert.Equal(["kbuild-gcc-12-x86", "kbuild-gcc-12-arm64"], descending.Select(n => n.Name));
    }

    [Theory, MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Nodes_page_has_total_limit_and_offset(DatabaseKind kind)
    {
        var (app, client, _) = await SeedAsync(kind);
        await using var _app = app;

        var page = await client.GetNodesAsync(new NodeFilter().Limit(2).Offset(1), Ct);

        Assert.Equal(4, page.Total);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal(2, page.Limit);
        Assert.Equal(1, page.Offset);
    }

    [Theory]
    [InlineData("nodes?state__like=x")]
    [InlineData("nodes?created__gt=yesterday")]
    [InlineData("nodes?name__re=(")]
    [InlineData("nodes?limit=-1")]
    [InlineData("nodes?parent=nope")]
    [InlineData("nodes?sort=data..x")]
    public async Task Malformed_filters_return_400(string path)
    {
        await using var app = await MaestroTestApp.StartAsync(DatabaseKind.Sqlite);
        var response = await app.SendAsync(HttpMethod.Get, path, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("detail", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
