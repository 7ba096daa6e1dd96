using System.Net;
using KernelCI.Dashboard.Tests.Trees;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Origins;

public sealed class OriginsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Origins_lists_checkout_and_test_origins_found_in_the_data(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var origins = (await app.GetJsonAsync("/api/origins/"))!;

        Assert.Equal(["maestro", "microsoft"], origins["checkout_origins"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(["maestro", "microsoft"], origins["test_origins"]!.AsArray().Select(o => (string?)o));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Origins_reads_the_given_interval(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);

        var origins = (await app.GetJsonAsync("/api/origins?interval_in_days=2"))!;

        // The head (maestro) and stable (microsoft) checkouts started in the last two days; the head has tests of both origins.
        Assert.Equal(["maestro", "microsoft"], origins["checkout_origins"]!.AsArray().Select(o => (string?)o));
        Assert.Equal(["maestro", "microsoft"], origins["test_origins"]!.AsArray().Select(o => (string?)o));
    }

    [Fact]
    public async Task Origins_of_an_empty_database_are_empty_lists()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var origins = (await app.GetJsonAsync("/api/origins"))!;

        Assert.Empty(origins["checkout_origins"]!.AsArray());
        Assert.Empty(origins["test_origins"]!.AsArray());
    }

    [Fact]
    public async Task Origins_refuses_a_negative_interval()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/origins?interval_in_days=-3", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
