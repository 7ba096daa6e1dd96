using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Hardware;

/// <summary>The hardware details' tree heads (the newest checkout of each tree, ties to the least id) and its
/// compatibles test (a text search before the JSON one), as rewritten in session 17 (docs/benchmarks.md).</summary>
public sealed class HardwareHeadsTests
{
    private const string Board = "board-x";
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Checkouts_started_at_the_same_time_show_the_one_with_the_least_id(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document(
            [Checkout("maestro:ck-b", "mainline", "master", Hash('b'), 1), Checkout("maestro:ck-a", "mainline", "master", Hash('a'), 1),
             Checkout("maestro:ck-c", "mainline", "master", Hash('c'), 2)],
            ["maestro:ck-a", "maestro:ck-b", "maestro:ck-c"], Board, []));

        var trees = await TreesAsync(app, Board);

        Assert.Equal([Hash('a')], trees.Select(t => (string)t!["head_git_commit_hash"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_tree_without_a_name_or_branch_shows_its_newest_checkout(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document(
            [Checkout("maestro:ck-old", null, null, Hash('a'), 3), Checkout("maestro:ck-new", null, null, Hash('b'), 1)],
            ["maestro:ck-old", "maestro:ck-new"], Board, []));

        var trees = await TreesAsync(app, Board);

        Assert.Equal([Hash('b')], trees.Select(t => (string)t!["head_git_commit_hash"]!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Hardware_named_by_the_text_between_two_compatibles_is_not_found(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        // The compatibles are kept as the text ["vendor,a","vendor,b"], which holds "," between two quotes.
        await app.SeedAsync(Document([Checkout("maestro:ck", "mainline", "master", Hash('a'), 1)], ["maestro:ck"], "other-board", ["vendor,a", "vendor,b"]));

        var json = await app.PostJsonAsync(Path(","), Body());

        Assert.Equal("This hardware isn't associated with any commit", (string?)json!["error"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_compatible_with_quotes_and_a_backslash_is_found(DatabaseKind kind)
    {
        const string odd = "vendor,\"odd\"\\board";
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document([Checkout("maestro:ck", "mainline", "master", Hash('a'), 1)], ["maestro:ck"], "other-board", [odd, "vendor,soc"]));

        var trees = await TreesAsync(app, odd);

        Assert.Equal([Hash('a')], trees.Select(t => (string)t!["head_git_commit_hash"]!));
    }

    private static async Task<JsonArray> TreesAsync(DashboardTestApp app, string hardware)
    {
        var json = await app.PostJsonAsync(Path(hardware, "/summary"), Body());
        return json!["common"]!["trees"]!.AsArray();
    }

    private static string Path(string hardware, string part = "") => "/api/hardware/" + Uri.EscapeDataString(hardware) + part;

    private static JsonObject Body() => new()
    {
        ["origin"] = "maestro",
        ["startTimestampInSeconds"] = Now.AddDays(-7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["endTimestampInSeconds"] = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ["selectedCommits"] = new JsonObject(),
        ["filter"] = new JsonObject(),
    };

    private static string Hash(char digit) => new(digit, 40);

    private static string At(double daysAgo) =>
        Now.AddDays(-daysAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    private static JsonObject Checkout(string id, string? tree, string? branch, string hash, double daysAgo) => new()
    {
        ["id"] = id, ["origin"] = "maestro", ["tree_name"] = tree, ["git_repository_branch"] = branch,
        ["git_repository_url"] = "https://example.org/linux.git", ["git_commit_hash"] = hash, ["start_time"] = At(daysAgo),
    };

    /// <summary>The checkouts, one build on each of <paramref name="built"/>, and one passing boot on each build
    /// on <paramref name="platform"/> with <paramref name="compatibles"/>.</summary>
    private static string Document(JsonObject[] checkouts, string[] built, string platform, string[] compatibles)
    {
        var builds = new JsonArray();
        var tests = new JsonArray();
        foreach (var (checkout, i) in built.Select((c, i) => (c, i)))
        {
            var build = "maestro:b" + i.ToString(CultureInfo.InvariantCulture);
            builds.Add(new JsonObject
            {
                ["id"] = build, ["origin"] = "maestro", ["checkout_id"] = checkout, ["architecture"] = "arm64",
                ["config_name"] = "defconfig", ["status"] = "PASS", ["start_time"] = At(0.5),
            });
            tests.Add(new JsonObject
            {
                ["id"] = "maestro:t" + i.ToString(CultureInfo.InvariantCulture), ["origin"] = "maestro", ["build_id"] = build,
                ["path"] = "boot", ["status"] = "PASS", ["start_time"] = At(0.4),
                ["environment"] = new JsonObject
                {
                    ["misc"] = new JsonObject { ["platform"] = platform },
                    ["compatible"] = new JsonArray([.. compatibles.Select(c => (JsonNode?)c)]),
                },
            });
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray([.. checkouts.Cast<JsonNode?>()]),
            ["builds"] = builds,
            ["tests"] = tests,
        }.ToJsonString();
    }
}
