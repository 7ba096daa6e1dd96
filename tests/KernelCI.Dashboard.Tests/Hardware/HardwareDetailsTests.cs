using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Hardware;

public sealed class HardwareDetailsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static JsonObject Body(JsonObject? selected = null, JsonObject? filter = null, string origin = "maestro")
    {
        var (start, end) = HardwareSeed.LastWeek(Now);
        return new JsonObject
        {
            ["origin"] = origin, ["startTimestampInSeconds"] = start, ["endTimestampInSeconds"] = end,
            ["selectedCommits"] = selected ?? [], ["filter"] = filter ?? [],
        };
    }

    private static string Path(string hardware, string part = "") => "/api/hardware/" + Uri.EscapeDataString(hardware) + part;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_counts_a_compatibles_builds_boots_and_tests_at_each_trees_head(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Compatible, "/summary"), Body());

        var summary = json!["summary"]!;
        Assert.Equal(2, (int)summary["builds"]!["status"]!["PASS"]!);
        Assert.Equal(3, (int)summary["boots"]!["status"]!["PASS"]!);
        Assert.Equal(1, (int)summary["tests"]!["status"]!["PASS"]!);
        Assert.Equal(2, (int)summary["tests"]!["status"]!["FAIL"]!);
        Assert.Equal(1, (int)summary["tests"]!["status"]!["SKIP"]!);
        var issue = Assert.Single(summary["tests"]!["issues"]!.AsArray());
        Assert.Equal("maestro:i1", (string?)issue!["id"]);
        Assert.Equal(1, (int)issue["incidents_info"]!["FAIL"]!);
        Assert.Equal(1, (int)summary["tests"]!["unknown_issues"]!);
        Assert.Equal(2, (int)summary["tests"]!["platforms"]![HardwareSeed.Board]!["FAIL"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_from_the_aggregates_equals_the_summary_from_the_test_rows(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        // A boot duration bound that every boot meets makes the summary read the test rows instead.
        var fromAggregates = await app.PostJsonAsync(Path(HardwareSeed.Board, "/summary"), Body());
        var fromRows = await app.PostJsonAsync(Path(HardwareSeed.Board, "/summary"),
            Body(filter: new JsonObject { ["filter_boot.duration_[gte]"] = new JsonArray("0") }));

        Assert.Equal(fromRows!.ToJsonString(), fromAggregates!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_lists_the_trees_and_the_other_compatibles(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Compatible, "/summary"), Body());

        var trees = json!["common"]!["trees"]!.AsArray();
        Assert.Equal(["0", "1"], trees.Select(t => (string)t!["index"]!));
        Assert.Equal(["mainline", "next"], trees.Select(t => (string)t!["tree_name"]!));
        Assert.Equal(HardwareSeed.HeadHash, (string?)trees[0]!["head_git_commit_hash"]);
        Assert.Equal("maestro", (string?)trees[0]!["origin"]);
        Assert.Equal(2, (int)trees[0]!["selected_commit_status"]!["boots"]!["PASS"]!);
        Assert.Equal("""["google,tomato-rev2"]""", json["common"]!["compatibles"]!.ToJsonString());
        Assert.Equal("""["lava-collabora"]""", json["filters"]!["tests"]!["labs"]!.ToJsonString());
        Assert.True((bool)json["filters"]!["tests"]!["has_unknown_issue"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Boots_of_a_platform_are_its_boot_tests(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board, "/boots"), Body());

        var boots = json!["boots"]!.AsArray();
        Assert.Equal(["maestro:t1", "maestro:t10", "maestro:t7"], boots.Select(b => (string)b!["id"]!).Order(StringComparer.Ordinal));
        var t1 = boots.Single(b => (string?)b!["id"] == "maestro:t1")!;
        Assert.Equal("""{"platform":"mt8195-cherry-tomato-r2"}""", t1["environment_misc"]!.ToJsonString());
        Assert.Equal("defconfig", (string?)t1["config"]);
        Assert.Equal("arm64", (string?)t1["architecture"]);
        Assert.Equal("lava-collabora", (string?)t1["lab"]);
        Assert.Equal("mainline", (string?)t1["tree_name"]);
        Assert.Equal("master", (string?)t1["git_repository_branch"]);
        Assert.Equal("""["google,tomato-rev2","mediatek,mt8195"]""", t1["environment_compatible"]!.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_take_the_status_filter_from_the_body(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Compatible, "/tests"), Body(filter: new JsonObject { ["filter_test.status"] = new JsonArray("FAIL") }));

        Assert.Equal(["maestro:t2", "maestro:t3"], json!["tests"]!.AsArray().Select(t => (string)t!["id"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Builds_leave_out_the_dummy_build_and_mark_a_failure_without_issue_uncategorized(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var board = await app.PostJsonAsync(Path(HardwareSeed.Board, "/builds"), Body());
        var qemu = await app.PostJsonAsync(Path(HardwareSeed.Qemu, "/builds"), Body());

        Assert.Equal(["maestro:b1", "maestro:b4"], board!["builds"]!.AsArray().Select(b => (string)b!["id"]!).Order(StringComparer.Ordinal));
        var b2 = Assert.Single(qemu!["builds"]!.AsArray())!;
        Assert.Equal("FAIL", (string?)b2["status"]);
        Assert.Equal("Uncategorized", (string?)b2["issue_id"]);
        Assert.Equal(HardwareSeed.MainlineUrl, (string?)b2["git_repository_url"]);
        Assert.Equal("https://storage.example.org/maestro:b2/config", (string?)b2["config_url"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_selected_commit_shows_that_checkout_of_the_selected_tree_only(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board, "/boots"), Body(selected: new JsonObject { ["0"] = HardwareSeed.OldHash }));

        Assert.Equal("maestro:t9", (string?)Assert.Single(json!["boots"]!.AsArray())!["id"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Full_details_hold_lists_summary_filters_and_trees(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board), Body(selected: new JsonObject { ["1"] = "head" }));

        Assert.Equal(["maestro:t10"], json!["boots"]!.AsArray().Select(b => (string)b!["id"]!));
        Assert.Equal(["maestro:t11"], json["tests"]!.AsArray().Select(b => (string)b!["id"]!));
        Assert.Equal(["maestro:b4"], json["builds"]!.AsArray().Select(b => (string)b!["id"]!));
        Assert.Equal(1, (int)json["summary"]!["builds"]!["status"]!["PASS"]!);
        Assert.Equal("""["defconfig"]""", json["filters"]!["all"]!["configs"]!.ToJsonString());
        Assert.Equal(2, json["common"]!["trees"]!.AsArray().Count);
    }

    [Fact]
    public async Task An_unknown_hardware_answers_upstreams_error_with_200()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path("no-such-board", "/summary"), Body());

        Assert.Equal("This hardware isn't associated with any commit", (string?)json!["error"]);
    }

    [Fact]
    public async Task An_origin_without_tests_on_the_hardware_answers_upstreams_error_with_200()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board, "/boots"), Body(origin: "nobody"));

        Assert.Equal("This hardware isn't associated with any commit", (string?)json!["error"]);
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("""{"endTimestampInSeconds": "1"}""", "startTimestampInSeconds")]
    [InlineData("""{"startTimestampInSeconds": [1], "endTimestampInSeconds": "1"}""", "startTimestampInSeconds")]
    [InlineData("""{"startTimestampInSeconds": "5", "endTimestampInSeconds": "1"}""", "endTimestampInSeconds")]
    [InlineData("""{"startTimestampInSeconds": 1, "endTimestampInSeconds": 2, "selectedCommits": []}""", "selectedCommits")]
    [InlineData("""{"startTimestampInSeconds": 1, "endTimestampInSeconds": 2, "selectedCommits": {"0": 7}}""", "selectedCommits.0")]
    [InlineData("""{"startTimestampInSeconds": 1, "endTimestampInSeconds": 2, "filter": "x"}""", "filter")]
    [InlineData("""{"startTimestampInSeconds": 1, "endTimestampInSeconds": 2, "filter": {"filter_duration_[around]": ["3"]}}""", "filter.filter_duration_[around]")]
    [InlineData("""{"startTimestampInSeconds": 1, "endTimestampInSeconds": 2, "filter": {"filter_boot.status": ["BROKEN"]}}""", "filter.filter_boot.status")]
    [InlineData("""{"origin": 3, "startTimestampInSeconds": 1, "endTimestampInSeconds": 2}""", "origin")]
    public async Task A_bad_body_is_refused_naming_the_field(string body, string field)
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await app.Client.PostAsync(Path(HardwareSeed.Board, "/summary"), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"];
        Assert.StartsWith(field + ":", error);
    }

    [Fact]
    public async Task A_bad_sort_on_a_list_is_refused()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.PostAsJsonAsync(Path(HardwareSeed.Board, "/tests?sort=colour"), Body(), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_page_newest_first_when_sorted(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        using var response = await app.Client.PostAsJsonAsync(Path(HardwareSeed.Board, "/tests?sort=-start_time&limit=1"), Body(),
            TestContext.Current.CancellationToken);
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("maestro:t2", (string?)Assert.Single(json!["tests"]!.AsArray())!["id"]);
        Assert.True(response.Headers.Contains("X-Next-Cursor"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Commit_history_lists_a_heads_earlier_commits(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);
        var body = Body();
        body.Remove("selectedCommits");
        body["commitHeads"] = new JsonArray(new JsonObject
        {
            ["treeName"] = "mainline", ["repositoryUrl"] = HardwareSeed.MainlineUrl, ["branch"] = "master", ["commitHash"] = HardwareSeed.HeadHash,
        });

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board, "/commit-history"), body);

        var rows = json!["commit_history_table"]![$"mainline-{HardwareSeed.MainlineUrl}-master"]!.AsArray();
        Assert.Equal([HardwareSeed.HeadHash, HardwareSeed.OldHash], rows.Select(r => (string)r!["git_commit_hash"]!));
    }

    [Fact]
    public async Task An_encoded_name_and_a_trailing_slash_reach_the_same_hardware()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync("/api/hardware/mediatek%2Cmt8195/boots/", Body());

        Assert.Equal(3, json!["boots"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Tests_filtered_by_issue_are_those_with_its_incident(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var known = await app.PostJsonAsync(Path(HardwareSeed.Board, "/tests"), Body(filter: new JsonObject { ["filter_test.issue"] = new JsonArray("maestro:i1,1") }));
        var unknown = await app.PostJsonAsync(Path(HardwareSeed.Board, "/tests"), Body(filter: new JsonObject { ["filter_test.issue"] = new JsonArray("Uncategorized") }));

        Assert.Equal(["maestro:t2"], known!["tests"]!.AsArray().Select(t => (string)t!["id"]!));
        Assert.Equal(["maestro:t3"], unknown!["tests"]!.AsArray().Select(t => (string)t!["id"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_filtered_by_architecture_counts_only_its_builds_and_tests(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await HardwareSeed.SeedAsync(app, Now);

        var json = await app.PostJsonAsync(Path(HardwareSeed.Board, "/summary"), Body(filter: new JsonObject { ["filter_architecture"] = new JsonArray("x86_64") }));

        Assert.Equal(0, (int)json!["summary"]!["builds"]!["status"]!["PASS"]!);
        Assert.Equal(0, (int)json["summary"]!["boots"]!["status"]!["PASS"]!);
        // The options offered stay those of every row.
        Assert.Equal("""["arm64"]""", json["filters"]!["all"]!["architectures"]!.ToJsonString());
    }
}
