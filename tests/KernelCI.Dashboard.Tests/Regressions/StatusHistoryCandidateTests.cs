using System.Text.Json.Nodes;
using KernelCI.Dashboard.Regressions;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Regressions;

/// <summary>The status history reads only the builds whose dash_build_tests rows have a test of the path's kind and
/// first segment on the platform (StatusHistoryQuery): each test here has a run the answer must keep, in builds whose
/// other tests differ from it in platform, path or kind.</summary>
public sealed class StatusHistoryCandidateTests
{
    private const string Url = "https://git.example.org/candidates.git";

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Runs_without_a_platform_are_found_when_none_is_asked(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document());

        var answer = await app.GetJsonAsync(History("boot", platform: null));

        Assert.Equal(["maestro:t2-boot-none", "maestro:t1-boot-none"], Ids(answer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_boot_path_with_segments_is_found_next_to_other_boots_of_the_build(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document());

        var answer = await app.GetJsonAsync(History("boot.nfs", "rpi4"));

        Assert.Equal(["maestro:t2-nfs", "maestro:t1-nfs"], Ids(answer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_path_without_a_dot_on_a_platform_written_as_a_number_is_found(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document());

        var answer = await app.GetJsonAsync(History("ltp", "5"));

        Assert.Equal(["maestro:t2-ltp"], Ids(answer));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task A_build_whose_platform_ran_only_other_paths_gives_no_run(DatabaseKind kind)
    {
        await using var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(Document());

        using var response = await app.Client.GetAsync(History("kselftest.a", "rpi4"), TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("boot", "boot")]
    [InlineData("boot.nfs", "boot")]
    [InlineData("kselftest.a.b", "kselftest")]
    [InlineData("ltp", "ltp")]
    [InlineData(".hidden", "")]
    [InlineData("", "")]
    public void The_path_group_is_the_path_up_to_its_first_dot(string path, string group) =>
        Assert.Equal(group, StatusHistoryQuery.PathGroup(path));

    private static string History(string path, string? platform) =>
        $"/api/test/status-history?path={Uri.EscapeDataString(path)}&origin=maestro&git_repository_url={Uri.EscapeDataString(Url)}"
        + "&git_repository_branch=main&config_name=defconfig" + (platform is null ? "" : "&platform=" + Uri.EscapeDataString(platform));

    private static string[] Ids(JsonNode? answer) => [.. answer!["status_history"]!.AsArray().Select(h => (string)h!["id"]!)];

    /// <summary>Two checkouts with one defconfig build each. Build 1: boot without platform, boot.nfs on rpi4, boot on
    /// qemu, kselftest.a on qemu. Build 2: the same plus ltp on platform 5 (a JSON number) and kselftest.b on rpi4.</summary>
    private static string Document()
    {
        var now = DateTimeOffset.UtcNow;
        var checkouts = new JsonArray();
        var builds = new JsonArray();
        var tests = new JsonArray();
        for (var n = 1; n <= 2; n++)
        {
            var start = now.AddHours(n - 10);
            checkouts.Add(new JsonObject
            {
                ["id"] = $"maestro:cand-checkout{n}", ["origin"] = "maestro", ["tree_name"] = "candidates", ["git_repository_url"] = Url,
                ["git_repository_branch"] = "main", ["git_commit_hash"] = $"{n}" + new string('b', 39), ["start_time"] = start.ToString("O"),
            });
            builds.Add(new JsonObject
            {
                ["id"] = $"maestro:cand-build{n}", ["origin"] = "maestro", ["checkout_id"] = $"maestro:cand-checkout{n}",
                ["config_name"] = "defconfig", ["architecture"] = "arm64", ["status"] = "PASS", ["start_time"] = start.ToString("O"),
            });
            var runs = new List<(string Name, string Path, JsonNode? Platform)>
            {
                ("boot-none", "boot", null), ("nfs", "boot.nfs", "rpi4"), ("boot-qemu", "boot", "qemu"), ("a", "kselftest.a", "qemu"),
            };
            if (n == 2)
            {
                runs.Add(("ltp", "ltp", 5));
                runs.Add(("b", "kselftest.b", "rpi4"));
            }

            foreach (var (name, path, platform) in runs)
            {
                tests.Add(new JsonObject
                {
                    ["id"] = $"maestro:t{n}-{name}", ["origin"] = "maestro", ["build_id"] = $"maestro:cand-build{n}", ["path"] = path,
                    ["status"] = "PASS", ["start_time"] = start.AddMinutes(30).ToString("O"),
                    ["environment"] = platform is null ? new JsonObject() : new JsonObject { ["misc"] = new JsonObject { ["platform"] = platform } },
                });
            }
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = checkouts,
            ["builds"] = builds,
            ["tests"] = tests,
        }.ToJsonString();
    }
}
