using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>Our `results regressions` against a dashboard whose tracker found one regression and one flaky series
/// (<see cref="TrackedRegressionsApiTests"/>'s seed).</summary>
public sealed class RegressionsCommandTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Regressions_prints_the_series_and_its_last_good_and_first_bad_commits(DatabaseKind kind)
    {
        await using var app = await TrackedRegressionsApiTests.SeededAsync(kind, kestrel: true);

        var run = await ResultsServer.RunOursAsync(app.ApiUrl, "results", "regressions", "--tree", "mainline");

        Assert.Equal(0, run.Result.ExitCode);
        Assert.Contains("open boot on qemu-x86 (defconfig, x86_64, gcc-12) mainline/master [o]: last good h10, first bad h11, 1 failure",
            run.Result.Output, StringComparison.Ordinal);
        Assert.Equal("/api/regressions?limit=100&tree_name=mainline&state=open", Assert.Single(run.Requests).PathAndQuery);
    }

    [Fact]
    public async Task Regressions_prints_the_culprit_a_bisection_found()
    {
        await using var app = await TrackedRegressionsApiTests.SeededAsync(DatabaseKind.Sqlite, kestrel: true);
        var id = (string)Assert.Single((await app.GetJsonAsync("/api/regressions"))!["items"]!.AsArray())!["id"]!;
        await new KernelCI.Kcidb.Regressions.Feed.RegressionFeed(app.Database, TimeProvider.System).SetCulpritAsync(id,
            new("abcdef0123456789", "x: break it", "A <a@example.org>", null, null), TestContext.Current.CancellationToken);

        var run = await ResultsServer.RunOursAsync(app.ApiUrl, "results", "regressions");

        Assert.Contains("culprit abcdef012345 (x: break it)", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flaky_prints_the_flipping_series()
    {
        await using var app = await TrackedRegressionsApiTests.SeededAsync(DatabaseKind.Sqlite, kestrel: true);

        var run = await ResultsServer.RunOursAsync(app.ApiUrl, "results", "regressions", "--flaky", "--json");

        Assert.Equal("rk3399", (string?)Assert.Single(run.Json().AsArray())!["platform"]);
    }

    [Fact]
    public async Task Unknown_state_is_a_usage_error()
    {
        var run = await ResultsServer.RunOursAsync(new Uri("http://127.0.0.1:9/api/"), "results", "regressions", "--state", "broken");

        Assert.Equal(2, run.Result.ExitCode);
    }
}
