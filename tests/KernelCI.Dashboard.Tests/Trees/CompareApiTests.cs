using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

public sealed class CompareApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_counts_each_side_and_how_pairs_changed(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync(Url(seed, ""));

        Assert.Equal("mainline", (string)answer!["treeName"]!);
        Assert.Equal("master", (string)answer["branch"]!);
        Assert.Equal(ReportSeed.GitUrl, (string)answer["gitUrl"]!);
        var tests = answer["summary"]!["tests"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":5,"fail":2,"inconclusive":0}"""), tests["sideA"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":4,"fail":3,"inconclusive":1}"""), tests["sideB"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":-1,"fail":1}"""), tests["delta"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """{"regression":3,"fixed":2,"newFailure":1,"stillFailing":0,"newPass":1,"appeared":0,"disappeared":1}"""), tests["changes"]));
    }

    [Fact]
    public async Task Summary_counts_builds_and_boots_apart()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var summary = (await app.GetJsonAsync(Url(seed, "")))!["summary"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":1,"fail":1,"inconclusive":0}"""), summary["builds"]!["sideB"]));
        Assert.Equal(1, (int)summary["builds"]!["changes"]!["stillFailing"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":1,"fail":0,"inconclusive":0}"""), summary["boots"]!["sideA"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """{"regression":0,"fixed":0,"newFailure":0,"stillFailing":0,"newPass":0,"appeared":0,"disappeared":0}"""), summary["boots"]!["changes"]));
    }

    [Fact]
    public async Task A_branch_with_slashes_reaches_compare_through_the_trees_catch_all()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        var answer = await app.GetJsonAsync($"/api/tree/next/for-next/core/compare/?hash_a={new string('a', 40)}&hash_b={new string('b', 40)}");

        Assert.Equal("for-next/core", (string?)answer!["branch"]);
        Assert.Equal("next", (string?)answer["treeName"]);
    }

    [Fact]
    public async Task A_commit_the_tree_does_not_have_is_an_empty_side()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var answer = await app.GetJsonAsync($"/api/tree/mainline/master/compare?hash_a={new string('f', 40)}&hash_b={seed.Hash(3)}");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"pass":0,"fail":0,"inconclusive":0}"""), answer!["summary"]!["tests"]!["sideA"]));
        Assert.Equal(3, (int)answer["summary"]!["tests"]!["changes"]!["newFailure"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Test_rows_are_the_changed_and_still_failing_ones(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var rows = (await app.GetJsonAsync(Url(seed, "/tests")))!.AsArray();

        Assert.Equal(["kselftest.fixed", "kselftest.flaky", "kselftest.gone", "kselftest.kube", "kselftest.late", "kselftest.regress", "kselftest.regress", "kselftest.skipped"],
            rows.Select(r => (string)r!["path"]!));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """{"path":"kselftest.gone","config_name":"defconfig","architecture":"x86_64","platform":"qemu-x86","status_a":"PASS","status_b":null}"""), rows[2]));
        Assert.Equal("qemu-ms", (string)rows[5]!["platform"]!);
        Assert.Equal("INCONCLUSIVE", (string)rows[7]!["status_b"]!);
    }

    [Fact]
    public async Task Boot_rows_hold_boots_only()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        Assert.Empty((await app.GetJsonAsync(Url(seed, "/boots")))!.AsArray());
        var reversed = await app.GetJsonAsync($"/api/tree/mainline/master/compare/boots?hash_a={seed.Hash(0)}&hash_b={seed.Hash(3)}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """[{"path":"boot","config_name":"defconfig","architecture":"x86_64","platform":"qemu-x86","status_a":null,"status_b":"PASS"}]"""), reversed));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Build_rows_pair_on_config_architecture_and_compiler(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var rows = await app.GetJsonAsync(Url(seed, "/builds"));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(
            """[{"config_name":"allmodconfig","architecture":"arm64","compiler":"clang-17","status_a":"FAIL","status_b":"FAIL"}]"""), rows));
    }

    [Fact]
    public async Task A_status_filter_keeps_pairs_with_that_status_on_either_side()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var rows = (await app.GetJsonAsync(Url(seed, "/tests") + "&filter_test.status=FAIL"))!.AsArray();

        Assert.Equal(["kselftest.fixed", "kselftest.flaky", "kselftest.kube", "kselftest.regress", "kselftest.regress"], rows.Select(r => (string)r!["path"]!));
    }

    [Fact]
    public async Task A_platform_filter_applies_before_pairing()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var rows = (await app.GetJsonAsync(Url(seed, "/tests") + "&filter_test.platform=kubernetes"))!.AsArray();

        Assert.Equal(["kselftest.kube"], rows.Select(r => (string)r!["path"]!));
    }

    [Fact]
    public async Task Rows_page_with_limit_and_cursor()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);
        var ct = TestContext.Current.CancellationToken;

        using var first = await app.Client.GetAsync(Url(seed, "/tests") + "&limit=5&sort=path", ct);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var second = (await app.GetJsonAsync(Url(seed, "/tests") + "&limit=5&sort=path&cursor=" + cursor))!.AsArray();

        Assert.Equal(5, JsonNode.Parse(await first.Content.ReadAsStringAsync(ct))!.AsArray().Count);
        Assert.Equal(["kselftest.regress", "kselftest.regress", "kselftest.skipped"], second.Select(r => (string)r!["path"]!));
    }

    [Fact]
    public async Task An_unknown_sort_field_is_400()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/tree/mainline/master/compare/builds?hash_a=a&hash_b=b&sort=colour", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Compare_answers_with_a_trailing_slash_too()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var seed = new ReportSeed(DateTimeOffset.UtcNow);
        await seed.LoadAsync(app);

        var rows = await app.GetJsonAsync($"/api/tree/mainline/master/compare/builds/?hash_a={seed.Hash(2)}&hash_b={seed.Hash(3)}");

        Assert.Single(rows!.AsArray());
    }

    [Theory]
    [InlineData("", "hash_a")]
    [InlineData("/builds", "hash_b")]
    [InlineData("/tests", "hash_b")]
    public async Task A_missing_hash_is_400(string suffix, string missing)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        var query = missing == "hash_a" ? "hash_b=abc" : "hash_a=abc";

        using var response = await app.Client.GetAsync($"/api/tree/mainline/master/compare{suffix}?{query}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal($"{missing}: hash_a and hash_b are required",
            (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]!);
    }

    [Fact]
    public async Task An_unknown_filter_operator_is_400()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync("/api/tree/mainline/master/compare/tests?hash_a=a&hash_b=b&filter_config_name_[near]=x",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string Url(ReportSeed seed, string suffix) =>
        $"/api/tree/mainline/master/compare{suffix}?hash_a={seed.Hash(2)}&hash_b={seed.Hash(3)}&origin=maestro";
}
