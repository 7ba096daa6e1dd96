using System.Globalization;
using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>A small hand-written KCIDB with known answers, times relative to now (the listing reads the last days):
/// <list type="bullet">
/// <item>mainline/master (maestro): <see cref="OldCommit"/> 3 days ago (1 build PASS, 1 boot PASS, 1 test FAIL) and
/// <see cref="HeadCommit"/> (tag v6.99-rc2) 1 day ago: builds arm64 PASS, x86_64 FAIL with issue-build, riscv FAIL
/// without issue, a dummy build; boots rock PASS and rpi FAIL with issue-boot; tests login PASS, nanosleep FAIL,
/// posix SKIP, and a microsoft kunit test PASS on the dummy build.</item>
/// <item>next/pending-fixes/sub (maestro, a branch with a slash) 2 days ago: 1 build PASS.</item>
/// <item>stable/linux-6.6.y of microsoft 1 day ago; old/master (maestro) 20 days ago.</item>
/// </list></summary>
internal static class TreeSeed
{
    public const string MainlineUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    public const string NextUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git";
    public const string OldCommit = "1111111111111111111111111111111111111111";
    public const string HeadCommit = "2222222222222222222222222222222222222222";
    public const string NextCommit = "3333333333333333333333333333333333333333";
    public const string StableCommit = "4444444444444444444444444444444444444444";
    public const string AncientCommit = "5555555555555555555555555555555555555555";
    public const string HeadTag = "v6.99-rc2";
    public const string NextBranch = "pending-fixes/sub";

    public static readonly string[] RockCompatibles = ["radxa,rock-pi-4b", "rockchip,rk3399"];
    public static readonly string[] RpiCompatibles = ["raspberrypi,4-model-b", "brcm,bcm2711"];

    /// <summary>When the head checkout started; its tests start 1, 2 and 3 hours later.</summary>
    public static DateTimeOffset HeadStart { get; } = Truncate(DateTimeOffset.UtcNow.AddDays(-1));

    public static async Task SeedAsync(DashboardTestApp app)
    {
        await app.SeedAsync(Document().ToJsonString());
    }

    private static JsonObject Document()
    {
        var now = HeadStart.AddDays(1);
        var checkouts = new JsonArray
        {
            Checkout("maestro:ck-old", "maestro", "mainline", MainlineUrl, "master", OldCommit, "v6.98-rc1", now.AddDays(-3), []),
            Checkout("maestro:ck-head", "maestro", "mainline", MainlineUrl, "master", HeadCommit, HeadTag, HeadStart, [HeadTag]),
            Checkout("maestro:ck-next", "maestro", "next", NextUrl, NextBranch, NextCommit, "next-20261204", now.AddDays(-2), []),
            Checkout("microsoft:ck-stable", "microsoft", "stable", MainlineUrl, "linux-6.6.y", StableCommit, "v6.6.99", now.AddDays(-1), []),
            Checkout("maestro:ck-ancient", "maestro", "old", "https://git.example/old.git", "master", AncientCommit, "v6.1", now.AddDays(-20), []),
        };
        var builds = new JsonArray
        {
            Build("maestro:b-old", "maestro:ck-old", "arm64", "gcc-12", "defconfig", "PASS", now.AddDays(-3), null),
            Build("maestro:b-arm64", "maestro:ck-head", "arm64", "gcc-12", "defconfig", "PASS", HeadStart, "k8s-arm"),
            Build("maestro:b-x86", "maestro:ck-head", "x86_64", "clang-17", "x86_64_defconfig", "FAIL", HeadStart, null),
            Build("maestro:b-riscv", "maestro:ck-head", "riscv", "gcc-12", "defconfig", "FAIL", HeadStart, null),
            Build("maestro:dummy_ck-head", "maestro:ck-head", null, null, null, "PASS", HeadStart, null),
            Build("maestro:b-next", "maestro:ck-next", "x86_64", "gcc-12", "defconfig", "PASS", now.AddDays(-2), null),
            Build("microsoft:b-stable", "microsoft:ck-stable", "x86_64", "gcc-12", "defconfig", "PASS", now.AddDays(-1), null),
            Build("maestro:b-ancient", "maestro:ck-ancient", "x86_64", "gcc-12", "defconfig", "PASS", now.AddDays(-20), null),
        };
        var tests = new JsonArray
        {
            Test("maestro:t-old-boot", "maestro", "maestro:b-old", "boot", "PASS", now.AddDays(-3), "rk3399-rock-pi-4b", RockCompatibles, "lava-collabora"),
            Test("maestro:t-old-nanosleep", "maestro", "maestro:b-old", "kselftest.timers.nanosleep", "FAIL", now.AddDays(-3), "rk3399-rock-pi-4b", RockCompatibles, "lava-collabora"),
            Test("maestro:t-boot-rock", "maestro", "maestro:b-arm64", "boot", "PASS", HeadStart.AddHours(1), "rk3399-rock-pi-4b", RockCompatibles, "lava-collabora"),
            Test("maestro:t-boot-rpi", "maestro", "maestro:b-arm64", "boot", "FAIL", HeadStart.AddHours(1), "bcm2711-rpi-4-b", RpiCompatibles, "lava-broonie"),
            Test("maestro:t-login", "maestro", "maestro:b-arm64", "baseline.login", "PASS", HeadStart.AddHours(1), "rk3399-rock-pi-4b", RockCompatibles, "lava-collabora"),
            Test("maestro:t-nanosleep", "maestro", "maestro:b-arm64", "kselftest.timers.nanosleep", "FAIL", HeadStart.AddHours(2), "rk3399-rock-pi-4b", RockCompatibles, "lava-collabora"),
            Test("maestro:t-posix", "maestro", "maestro:b-arm64", "kselftest.timers.posix_timers", "SKIP", HeadStart.AddHours(3), "bcm2711-rpi-4-b", RpiCompatibles, "lava-broonie"),
            Test("microsoft:t-kunit", "microsoft", "maestro:dummy_ck-head", "kunit.example.case", "PASS", HeadStart.AddHours(1), "qemu-x86", null, "shell"),
        };
        var issues = new JsonArray
        {
            Issue("maestro:issue-build", "x86_64 build breaks in drivers/gpu"),
            Issue("maestro:issue-boot", "rpi4 hangs at boot"),
        };
        var incidents = new JsonArray
        {
            new JsonObject { ["id"] = "maestro:inc-build", ["origin"] = "maestro", ["issue_id"] = "maestro:issue-build", ["issue_version"] = 1, ["build_id"] = "maestro:b-x86", ["present"] = true },
            new JsonObject { ["id"] = "maestro:inc-boot", ["origin"] = "maestro", ["issue_id"] = "maestro:issue-boot", ["issue_version"] = 1, ["test_id"] = "maestro:t-boot-rpi", ["present"] = true },
        };
        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = checkouts,
            ["builds"] = builds,
            ["tests"] = tests,
            ["issues"] = issues,
            ["incidents"] = incidents,
        };
    }

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static JsonObject Checkout(string id, string origin, string tree, string url, string branch, string hash, string name, DateTimeOffset start, string[] tags) => new()
    {
        ["id"] = id,
        ["origin"] = origin,
        ["tree_name"] = tree,
        ["git_repository_url"] = url,
        ["git_repository_branch"] = branch,
        ["git_commit_hash"] = hash,
        ["git_commit_name"] = name,
        ["git_commit_tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
        ["start_time"] = Time(start),
        ["valid"] = true,
    };

    private static JsonObject Build(string id, string checkout, string? arch, string? compiler, string? config, string status, DateTimeOffset start, string? lab)
    {
        var build = new JsonObject
        {
            ["id"] = id,
            ["checkout_id"] = checkout,
            ["origin"] = id.Split(':')[0],
            ["start_time"] = Time(start),
            ["duration"] = 120.5,
            ["status"] = status,
            ["log_url"] = $"https://storage.example/{id.Split(':')[1]}/build.log.gz",
            ["config_url"] = $"https://storage.example/{id.Split(':')[1]}/.config",
        };
        if (arch is not null)
        {
            build["architecture"] = arch;
            build["compiler"] = compiler;
            build["config_name"] = config;
        }

        if (lab is not null)
        {
            build["misc"] = new JsonObject { ["lab"] = lab };
        }

        return build;
    }

    private static JsonObject Test(string id, string origin, string build, string path, string status, DateTimeOffset start, string platform,
        string[]? compatibles, string lab)
    {
        var environment = new JsonObject { ["misc"] = new JsonObject { ["platform"] = platform } };
        if (compatibles is not null)
        {
            environment["compatible"] = new JsonArray([.. compatibles.Select(c => (JsonNode)c)]);
        }

        return new JsonObject
        {
            ["id"] = id,
            ["build_id"] = build,
            ["origin"] = origin,
            ["path"] = path,
            ["status"] = status,
            ["start_time"] = Time(start),
            ["duration"] = 30,
            ["log_url"] = $"https://storage.example/{id.Split(':')[1]}/log.txt.gz",
            ["environment"] = environment,
            ["misc"] = new JsonObject { ["runtime"] = lab },
        };
    }

    private static JsonObject Issue(string id, string comment) => new()
    {
        ["id"] = id,
        ["version"] = 1,
        ["origin"] = "maestro",
        ["comment"] = comment,
        ["report_url"] = "https://lore.example/" + id.Split(':')[1],
        ["culprit"] = new JsonObject { ["code"] = true },
    };
}
