using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests;

/// <summary>A small hand-written KCIDB for the pages, times relative to now:
/// <list type="bullet">
/// <item>mainline/master (maestro): <see cref="OldCommit"/> 3 days ago (1 build PASS) and <see cref="HeadCommit"/>
/// (tag v6.99-rc2) 1 day ago with <see cref="HeadBuilds"/> builds: arm64/gcc-12 PASS except every 5th FAIL, x86_64/clang-17
/// PASS except every 7th ERROR; configs cfg-00 to cfg-24; the failed build b-10 has the issue "gpu driver build breaks"; boots `boot` on
/// two boards (rock PASS, rpi FAIL); tests kselftest.timers.nanosleep FAIL, kselftest.timers.posix PASS, baseline.login PASS.</item>
/// <item>next/pending-fixes/sub (maestro, a branch with a slash) 2 days ago: one build PASS.</item>
/// </list></summary>
internal static class WebSeed
{
    public const int HeadBuilds = 25;
    public const string MainlineUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    public const string OldCommit = "1111111111111111111111111111111111111111";
    public const string HeadCommit = "2222222222222222222222222222222222222222";
    public const string NextCommit = "3333333333333333333333333333333333333333";
    public const string NextBranch = "pending-fixes/sub";
    public const string HeadTag = "v6.99-rc2";

    public static readonly DateTimeOffset HeadStart = Truncate(DateTimeOffset.UtcNow.AddDays(-1));

    public static string HeadPath => $"/tree/mainline/master/{HeadCommit}";

    public static Task SeedAsync(DashboardTestApp app) => app.SeedAsync(Document().ToJsonString());

    /// <summary>Builds b-00 … b-24 of the head checkout: their status by number.</summary>
    public static string StatusOf(int n) => n % 2 == 0 ? (n % 5 == 0 ? "FAIL" : "PASS") : (n % 7 == 0 ? "ERROR" : "PASS");

    private static JsonObject Document()
    {
        var builds = new JsonArray
        {
            Build("maestro:b-old", "maestro:ck-old", "arm64", "gcc-12", "defconfig", "PASS", HeadStart.AddDays(-2)),
            Build("maestro:b-next", "maestro:ck-next", "x86_64", "gcc-12", "defconfig", "PASS", HeadStart.AddDays(-1)),
        };
        for (var n = 0; n < HeadBuilds; n++)
        {
            var arm = n % 2 == 0;
            builds.Add(Build($"maestro:b-{n:00}", "maestro:ck-head", arm ? "arm64" : "x86_64", arm ? "gcc-12" : "clang-17", $"cfg-{n:00}",
                StatusOf(n), HeadStart.AddMinutes(n)));
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray
            {
                Checkout("maestro:ck-old", "mainline", MainlineUrl, "master", OldCommit, "v6.98", HeadStart.AddDays(-2), []),
                Checkout("maestro:ck-head", "mainline", MainlineUrl, "master", HeadCommit, HeadTag, HeadStart, [HeadTag]),
                Checkout("maestro:ck-next", "next", "https://git.kernel.org/next/linux-next.git", NextBranch, NextCommit, "next-20261204",
                    HeadStart.AddDays(-1), []),
            },
            ["builds"] = builds,
            ["tests"] = new JsonArray
            {
                Test("maestro:t-boot-rock", "maestro:b-00", "boot", "PASS", "rk3399-rock-pi-4b"),
                Test("maestro:t-boot-rpi", "maestro:b-02", "boot", "FAIL", "bcm2711-rpi-4-b"),
                Test("maestro:t-nanosleep", "maestro:b-00", "kselftest.timers.nanosleep", "FAIL", "rk3399-rock-pi-4b"),
                Test("maestro:t-posix", "maestro:b-00", "kselftest.timers.posix", "PASS", "rk3399-rock-pi-4b"),
                Test("maestro:t-login", "maestro:b-02", "baseline.login", "PASS", "bcm2711-rpi-4-b"),
            },
            ["issues"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "maestro:issue-gpu", ["version"] = 1, ["origin"] = "maestro", ["comment"] = "gpu driver build breaks",
                    ["culprit"] = new JsonObject { ["code"] = true },
                },
            },
            ["incidents"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "maestro:inc-gpu", ["origin"] = "maestro", ["issue_id"] = "maestro:issue-gpu", ["issue_version"] = 1,
                    ["build_id"] = "maestro:b-10", ["present"] = true,
                },
            },
        };
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static JsonObject Checkout(string id, string tree, string url, string branch, string hash, string name, DateTimeOffset start, string[] tags) => new()
    {
        ["id"] = id,
        ["origin"] = "maestro",
        ["tree_name"] = tree,
        ["git_repository_url"] = url,
        ["git_repository_branch"] = branch,
        ["git_commit_hash"] = hash,
        ["git_commit_name"] = name,
        ["git_commit_tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        ["start_time"] = Time(start),
        ["valid"] = true,
    };

    private static JsonObject Build(string id, string checkout, string arch, string compiler, string config, string status, DateTimeOffset start) => new()
    {
        ["id"] = id,
        ["checkout_id"] = checkout,
        ["origin"] = "maestro",
        ["start_time"] = Time(start),
        ["duration"] = 300,
        ["status"] = status,
        ["architecture"] = arch,
        ["compiler"] = compiler,
        ["config_name"] = config,
        ["misc"] = new JsonObject { ["lab"] = "k8s-" + arch },
    };

    private static JsonObject Test(string id, string build, string path, string status, string platform) => new()
    {
        ["id"] = id,
        ["build_id"] = build,
        ["origin"] = "maestro",
        ["path"] = path,
        ["status"] = status,
        ["start_time"] = Time(HeadStart.AddHours(1)),
        ["duration"] = 30,
        ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = platform } },
    };
}
