using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>`?patchset=HASH` narrows a commit's page to one patch series' checkout, the page a Patchwork check links
/// to (docs/integrations.md, "The series' page").</summary>
public sealed class TreePatchsetScopeTests
{
    private static readonly string Hash = new('c', 64);

    private static async Task<DashboardTestApp> SeededAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await TreeSeed.SeedAsync(app);
        var start = TreeSeed.Time(TreeSeed.HeadStart.AddHours(4));
        await app.SeedAsync(new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "maestro:ck-series", ["origin"] = "maestro", ["tree_name"] = "mainline", ["git_repository_url"] = TreeSeed.MainlineUrl,
                    ["git_repository_branch"] = "master", ["git_commit_hash"] = TreeSeed.HeadCommit, ["patchset_hash"] = Hash,
                    ["patchset_files"] = new JsonArray { new JsonObject { ["name"] = "patch0", ["url"] = "http://storage/patch0.patch" } },
                    ["start_time"] = start, ["valid"] = true,
                },
            },
            ["builds"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "maestro:b-series", ["origin"] = "maestro", ["checkout_id"] = "maestro:ck-series", ["architecture"] = "x86_64",
                    ["compiler"] = "gcc-12", ["config_name"] = "x86_64_defconfig", ["status"] = "PASS", ["start_time"] = start,
                },
            },
        }.ToJsonString());
        return app;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Patchset_parameter_narrows_the_commit_to_that_series_checkout(DatabaseKind kind)
    {
        await using var app = await SeededAsync(kind);

        var series = (await app.GetJsonAsync($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/summary?patchset={Hash}"))!["summary"]!["builds"]!["status"]!;
        var whole = (await app.GetJsonAsync($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/summary"))!["summary"]!["builds"]!["status"]!;

        Assert.Equal((1, 0), ((int?)series["PASS"] ?? 0, (int?)series["FAIL"] ?? 0));
        Assert.Equal((2, 2), ((int?)whole["PASS"] ?? 0, (int?)whole["FAIL"] ?? 0));
    }

    [Fact]
    public async Task Malformed_patchset_is_refused_naming_it()
    {
        await using var app = await SeededAsync(DatabaseKind.Sqlite);

        using var response = await app.Client.GetAsync($"/api/tree/mainline/master/{TreeSeed.HeadCommit}/summary?patchset=xyz",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("patchset:", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["error"]);
    }
}
