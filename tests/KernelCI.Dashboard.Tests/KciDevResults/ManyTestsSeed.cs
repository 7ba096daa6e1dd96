using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>One checkout with one build and <see cref="Count"/> tests (`maestro:t-0000`…), for reading long lists in pages.</summary>
internal static class ManyTestsSeed
{
    public const int Count = 1200;
    public const string Url = "https://git.example/many.git";
    public const string Commit = "6666666666666666666666666666666666666666";

    public static readonly string[] Revision = ["--giturl", Url, "--branch", "master", "--commit", Commit];

    public static async Task SeedAsync(DashboardTestApp app)
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var tests = new JsonArray([.. Enumerable.Range(0, Count).Select(i => (JsonNode)new JsonObject
        {
            ["id"] = $"maestro:t-{i:D4}", ["origin"] = "maestro", ["build_id"] = "maestro:b-many", ["path"] = $"suite.case{i:D4}",
            ["status"] = i % 3 == 0 ? "FAIL" : "PASS", ["start_time"] = start, ["duration"] = 1.5,
            ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = "qemu-x86" } },
        })]);
        await app.SeedAsync(new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:ck-many", ["origin"] = "maestro", ["tree_name"] = "many", ["git_repository_url"] = Url,
                ["git_repository_branch"] = "master", ["git_commit_hash"] = Commit, ["start_time"] = start,
            }),
            ["builds"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:b-many", ["origin"] = "maestro", ["checkout_id"] = "maestro:ck-many", ["architecture"] = "x86_64",
                ["compiler"] = "gcc-12", ["config_name"] = "defconfig", ["status"] = "PASS", ["start_time"] = start,
            }),
            ["tests"] = tests,
        }.ToJsonString());
    }
}
