using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Hardware;

/// <summary>The hardware summary reads failing tests with their incidents in one statement, only in the builds whose
/// counts have a failure on the hardware (docs/dashboard-api.md, "Hardware"). One checkout: build b-ok with passing
/// tests on the board only, build b-bad with t-fail (FAIL, two issues, error_msg "oops"), t-error (ERROR, a numeric
/// error_msg), t-miss (MISS, no misc) on the board, and a FAIL test on another board.</summary>
public sealed class HardwareSummaryFailuresTests
{
    private const string Board = "board-a";

    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_counts_each_issue_of_a_failing_test_with_two_incidents(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var tests = (await app.PostJsonAsync($"/api/hardware/{Board}/summary", Body()))!["summary"]!["tests"]!;

        Assert.Equal(["maestro:i-a", "maestro:i-b"], tests["issues"]!.AsArray().Select(i => (string?)i!["id"]));
        Assert.All(tests["issues"]!.AsArray(), i => Assert.Equal(1, (int)i!["incidents_info"]!["FAIL"]!));
        Assert.Equal(0, (int)tests["unknown_issues"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_fail_reasons_take_string_error_messages_only(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var tests = (await app.PostJsonAsync($"/api/hardware/{Board}/summary", Body()))!["summary"]!["tests"]!;

        Assert.Equal("""{"oops":1,"unknown error":2}""", tests["fail_reasons"]!.ToJsonString());
        Assert.Equal(1, (int)tests["status"]!["FAIL"]!);
        Assert.Equal(1, (int)tests["status"]!["ERROR"]!);
        Assert.Equal(1, (int)tests["status"]!["MISS"]!);
        Assert.Equal(2, (int)tests["status"]!["PASS"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Summary_from_the_aggregates_equals_the_summary_from_the_test_rows_with_several_incidents(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var fromAggregates = await app.PostJsonAsync($"/api/hardware/{Board}/summary", Body());
        var fromRows = await app.PostJsonAsync($"/api/hardware/{Board}/summary",
            Body(new JsonObject { ["filter_test.duration_[gte]"] = new JsonArray("0") }));

        Assert.Equal(fromRows!.ToJsonString(), fromAggregates!.ToJsonString());
    }

    private static JsonObject Body(JsonObject? filter = null) => new()
    {
        ["origin"] = "maestro",
        ["startTimestampInSeconds"] = Now.AddDays(-7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["endTimestampInSeconds"] = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["selectedCommits"] = new JsonObject(),
        ["filter"] = filter ?? new JsonObject(),
    };

    private static async Task<DashboardTestApp> SeededAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        string At(double daysAgo) => Now.AddDays(-daysAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        JsonObject Build(string id, string status) => new()
        {
            ["id"] = id, ["origin"] = "maestro", ["checkout_id"] = "maestro:ck", ["architecture"] = "arm64", ["config_name"] = "defconfig",
            ["compiler"] = "gcc-12", ["status"] = status, ["start_time"] = At(0.9), ["duration"] = 10,
        };
        JsonObject Test(string id, string build, string status, string board, JsonObject? misc)
        {
            var test = new JsonObject
            {
                ["id"] = id, ["origin"] = "maestro", ["build_id"] = build, ["path"] = "kselftest." + id[^4..], ["status"] = status,
                ["start_time"] = At(0.8), ["duration"] = 5, ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = board } },
            };
            if (misc is not null)
            {
                test["misc"] = misc;
            }

            return test;
        }
        JsonObject Issue(string id) => new() { ["id"] = id, ["version"] = 1, ["origin"] = "maestro", ["comment"] = id + " comment" };
        JsonObject Incident(string id, string issue, string test) => new()
        {
            ["id"] = id, ["origin"] = "maestro", ["issue_id"] = issue, ["issue_version"] = 1, ["test_id"] = test, ["present"] = true,
        };
        var document = new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:ck", ["origin"] = "maestro", ["tree_name"] = "mainline", ["git_repository_url"] = "https://git.example/linux.git",
                ["git_repository_branch"] = "master", ["git_commit_hash"] = "e000000000000000000000000000000000000001", ["start_time"] = At(1),
            }),
            ["builds"] = new JsonArray(Build("maestro:b-ok", "PASS"), Build("maestro:b-bad", "PASS")),
            ["tests"] = new JsonArray(
                Test("maestro:t-ok-1", "maestro:b-ok", "PASS", Board, new JsonObject { ["runtime"] = "lab-a" }),
                Test("maestro:t-ok-2", "maestro:b-bad", "PASS", Board, new JsonObject { ["runtime"] = "lab-a" }),
                Test("maestro:t-fail", "maestro:b-bad", "FAIL", Board, new JsonObject { ["runtime"] = "lab-a", ["error_msg"] = "oops" }),
                Test("maestro:t-err0", "maestro:b-bad", "ERROR", Board, new JsonObject { ["runtime"] = "lab-a", ["error_msg"] = 3 }),
                Test("maestro:t-miss", "maestro:b-bad", "MISS", Board, null),
                Test("maestro:t-othr", "maestro:b-ok", "FAIL", "board-b", new JsonObject { ["error_msg"] = "elsewhere" })),
            ["issues"] = new JsonArray(Issue("maestro:i-b"), Issue("maestro:i-a")),
            ["incidents"] = new JsonArray(
                Incident("maestro:inc-1", "maestro:i-b", "maestro:t-fail"),
                Incident("maestro:inc-2", "maestro:i-a", "maestro:t-fail")),
        };
        await app.SeedAsync(document.ToJsonString());
        return app;
    }
}
