using System.Net;
using KernelCI.Data;
using KernelCI.Kcidb.Regressions;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Regressions;

/// <summary>`regressions/` and `flaky/` over the tracker's tables: twelve commits of mainline/master, each with a boot on
/// qemu-x86 that passes until the last commit fails, and a boot on rk3399 that fails every other commit.</summary>
public sealed class TrackedRegressionsApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regressions_lists_the_open_regression_with_its_last_good_and_first_bad_commits(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var item = Assert.Single((await app.GetJsonAsync("/api/regressions"))!["items"]!.AsArray())!;

        Assert.Equal(("open", "qemu-x86", "boot", "h10", "h11"), ((string?)item["state"], (string?)item["platform"], (string?)item["path"],
            (string?)item["last_good_commit"], (string?)item["first_bad_commit"]));
        Assert.Equal(["o:t11-qemu-x86"], item["failures"]!.AsArray().Select(f => (string?)f));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regressions_shows_the_culprit_a_bisection_found(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);
        var id = (string)Assert.Single((await app.GetJsonAsync("/api/regressions"))!["items"]!.AsArray())!["id"]!;
        await new KernelCI.Kcidb.Regressions.Feed.RegressionFeed(app.Database, TimeProvider.System).SetCulpritAsync(id,
            new("abcdef0123456789", "x: break it", "A <a@example.org>", "o:bisect_1", "node1"), TestContext.Current.CancellationToken);

        var item = Assert.Single((await app.GetJsonAsync("/api/regressions"))!["items"]!.AsArray())!;

        Assert.Equal(("abcdef0123456789", "x: break it", "node1"), ((string?)item["culprit_commit"], (string?)item["culprit_subject"], (string?)item["bisection"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Flaky_lists_the_series_that_flips(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var item = Assert.Single((await app.GetJsonAsync("/api/flaky"))!["items"]!.AsArray())!;

        Assert.Equal("rk3399", (string?)item["platform"]);
        Assert.True((double)item["flip_rate"]! > 0.9);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Platform_filter_leaves_other_series_out(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        Assert.Empty((await app.GetJsonAsync("/api/regressions?state=all&platform=rk3399"))!["items"]!.AsArray());
        Assert.Single((await app.GetJsonAsync("/api/regressions?platform=qemu-x86&path=boot"))!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("/api/regressions?state=broken", "state")]
    [InlineData("/api/regressions?limit=0", "limit")]
    [InlineData("/api/flaky?offset=-1", "offset")]
    public async Task Bad_parameter_is_a_400_naming_it(string path, string name)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(name, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    internal static async Task<DashboardTestApp> SeededAsync(DatabaseKind kind, bool kestrel = false)
    {
        var app = await DashboardTestApp.StartAsync(kind, kestrel: kestrel);
        var documents = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var hour = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            var qemu = i == 11 ? "FAIL" : "PASS";
            var rk = i % 2 == 0 ? "PASS" : "FAIL";
            documents.Add($$"""
                {"version": {"major": 5, "minor": 3},
                 "checkouts": [{"id": "o:c{{i}}", "origin": "o", "tree_name": "mainline", "git_repository_branch": "master", "git_commit_hash": "h{{i}}", "start_time": "2026-01-01T{{hour}}:00:00+00:00"}],
                 "builds": [{"id": "o:b{{i}}", "origin": "o", "checkout_id": "o:c{{i}}", "status": "PASS", "config_name": "defconfig", "architecture": "x86_64", "compiler": "gcc-12"}],
                 "tests": [
                   {"id": "o:t{{i}}-qemu-x86", "origin": "o", "build_id": "o:b{{i}}", "path": "boot", "status": "{{qemu}}", "environment": {"misc": {"platform": "qemu-x86"} } },
                   {"id": "o:t{{i}}-rk3399", "origin": "o", "build_id": "o:b{{i}}", "path": "boot", "status": "{{rk}}", "environment": {"misc": {"platform": "rk3399"} } }]}
                """);
        }

        await app.SeedAsync([.. documents]);
        await RegressionRecompute.ForCheckoutAsync(app.Database, "o:c11", TimeProvider.System, TestContext.Current.CancellationToken);
        return app;
    }
}
