using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.Hardware;

/// <summary>Hand-written KCIDB rows for the hardware endpoints, dated relative to now (kci-dev always asks for the
/// last 7 days). Two boards: "mt8195-cherry-tomato-r2" (compatibles google,tomato-rev2 and mediatek,mt8195) and
/// "qemu-x86" (no compatibles).
/// <list type="bullet">
/// <item>mainline: an older checkout (OldHash, 3 days ago: build b3 PASS, boot t9 FAIL on mt8195) and its head
/// (HeadHash, 1 day ago): b1 arm64 PASS with t1 boot PASS, t2 baseline.login FAIL (issue maestro:i1 v1, lab
/// lava-collabora), t3 kselftest.cpu FAIL (no issue), t4 kselftest.mem SKIP, all on mt8195, and t8 a boot of another
/// origin; b2 x86_64 FAIL with t5 boot FAIL and t6 ltp.open PASS on qemu-x86, and ti:t13 a boot of the ti lab; a dummy build with t7 boot PASS on mt8195.</item>
/// <item>next: one checkout (NextHash, 2 days ago), b4 arm64 PASS with t10 boot PASS and t11 kselftest.cpu PASS on mt8195.</item>
/// <item>stale: a checkout 20 days ago (out of every 7-day window), b5 with t12 boot PASS on mt8195.</item>
/// </list></summary>
internal static class HardwareSeed
{
    public const string Board = "mt8195-cherry-tomato-r2";
    public const string Compatible = "mediatek,mt8195";
    public const string Qemu = "qemu-x86";
    public const string MainlineUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    public const string NextUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git";
    public const string HeadHash = "b000000000000000000000000000000000000001";
    public const string OldHash = "a000000000000000000000000000000000000001";
    public const string NextHash = "c000000000000000000000000000000000000001";
    public const string StaleHash = "d000000000000000000000000000000000000001";

    public static async Task SeedAsync(DashboardTestApp app, DateTimeOffset now)
    {
        await app.SeedAsync(Document(now));
    }

    /// <summary>A window from 7 days before <paramref name="now"/> to now, as kci-dev sends it.</summary>
    public static (string Start, string End) LastWeek(DateTimeOffset now) =>
        (now.AddDays(-7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static string Document(DateTimeOffset now)
    {
        string At(double daysAgo) => now.AddDays(-daysAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        JsonObject Checkout(string id, string tree, string url, string hash, double daysAgo) => new()
        {
            ["id"] = id, ["origin"] = "maestro", ["tree_name"] = tree, ["git_repository_url"] = url, ["git_repository_branch"] = "master",
            ["git_commit_hash"] = hash, ["git_commit_name"] = tree + "-" + hash[..4], ["git_commit_tags"] = new JsonArray(), ["start_time"] = At(daysAgo),
        };
        JsonObject Build(string id, string checkout, string arch, string config, string compiler, string status, double daysAgo) => new()
        {
            ["id"] = id, ["origin"] = "maestro", ["checkout_id"] = checkout, ["architecture"] = arch, ["config_name"] = config,
            ["compiler"] = compiler, ["status"] = status, ["start_time"] = At(daysAgo), ["duration"] = 300.5,
            ["config_url"] = "https://storage.example.org/" + id + "/config", ["log_url"] = "https://storage.example.org/" + id + "/build.log",
            ["misc"] = new JsonObject { ["lab"] = "shell" },
        };
        JsonObject Test(string id, string build, string path, string status, string platform, double daysAgo, string origin = "maestro")
        {
            var environment = new JsonObject { ["misc"] = new JsonObject { ["platform"] = platform } };
            if (platform == Board)
            {
                environment["compatible"] = new JsonArray("google,tomato-rev2", Compatible);
            }

            return new JsonObject
            {
                ["id"] = id, ["origin"] = origin, ["build_id"] = build, ["path"] = path, ["status"] = status, ["start_time"] = At(daysAgo),
                ["duration"] = 12.0, ["log_url"] = "https://storage.example.org/" + id + "/log.txt", ["environment"] = environment,
                ["misc"] = new JsonObject { ["runtime"] = platform == Board ? "lava-collabora" : "qemu" },
            };
        }

        var document = new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(
                Checkout("maestro:ck-main-old", "mainline", MainlineUrl, OldHash, 3),
                Checkout("maestro:ck-main-head", "mainline", MainlineUrl, HeadHash, 1),
                Checkout("maestro:ck-next", "next", NextUrl, NextHash, 2),
                Checkout("maestro:ck-stale", "stale", "https://example.org/stale.git", StaleHash, 20)),
            ["builds"] = new JsonArray(
                Build("maestro:b1", "maestro:ck-main-head", "arm64", "defconfig", "gcc-12", "PASS", 0.9),
                Build("maestro:b2", "maestro:ck-main-head", "x86_64", "x86_64_defconfig", "clang-17", "FAIL", 0.9),
                Build("maestro:dummy_1", "maestro:ck-main-head", "arm64", "defconfig", "gcc-12", "PASS", 0.9),
                Build("maestro:b3", "maestro:ck-main-old", "arm64", "defconfig", "gcc-12", "PASS", 2.9),
                Build("maestro:b4", "maestro:ck-next", "arm64", "defconfig", "gcc-12", "PASS", 1.9),
                Build("maestro:b5", "maestro:ck-stale", "arm64", "defconfig", "gcc-12", "PASS", 19.9)),
            ["tests"] = new JsonArray(
                Test("maestro:t1", "maestro:b1", "boot", "PASS", Board, 0.8),
                Test("maestro:t2", "maestro:b1", "baseline.login", "FAIL", Board, 0.8),
                Test("maestro:t3", "maestro:b1", "kselftest.cpu", "FAIL", Board, 0.8),
                Test("maestro:t4", "maestro:b1", "kselftest.mem", "SKIP", Board, 0.8),
                Test("maestro:t5", "maestro:b2", "boot", "FAIL", Qemu, 0.8),
                Test("maestro:t6", "maestro:b2", "ltp.open", "PASS", Qemu, 0.8),
                Test("maestro:t7", "maestro:dummy_1", "boot", "PASS", Board, 0.8),
                Test("lab:t8", "maestro:b1", "boot", "PASS", Board, 0.8, origin: "lab"),
                Test("ti:t13", "maestro:b2", "boot", "PASS", Qemu, 0.8, origin: "ti"),
                Test("maestro:t9", "maestro:b3", "boot", "FAIL", Board, 2.8),
                Test("maestro:t10", "maestro:b4", "boot", "PASS", Board, 1.8),
                Test("maestro:t11", "maestro:b4", "kselftest.cpu", "PASS", Board, 1.8),
                Test("maestro:t12", "maestro:b5", "boot", "PASS", Board, 19.8)),
            ["issues"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:i1", ["version"] = 1, ["origin"] = "maestro", ["comment"] = "login prompt never appears",
                ["report_url"] = "https://example.org/bug/1",
            }),
            ["incidents"] = new JsonArray(new JsonObject
            {
                ["id"] = "maestro:inc1", ["origin"] = "maestro", ["issue_id"] = "maestro:i1", ["issue_version"] = 1,
                ["test_id"] = "maestro:t2", ["present"] = true,
            }),
        };
        return document.ToJsonString();
    }
}
