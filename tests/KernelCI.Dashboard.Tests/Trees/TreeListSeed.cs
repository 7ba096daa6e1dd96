using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>One checkout at fixed times whose tests carry every shape the tree lists must copy exactly: misc with
/// nested values, escapes, HTML characters, non-ASCII text and numbers in several spellings; a platform that is a
/// number; no environment or misc at all; an empty compatibles list; a test with two incidents; missing status,
/// duration, start time and path; microseconds in times; a boot and a test on a dummy build. Its answers were
/// recorded (Golden/) from the lists as they were built before they were streamed.</summary>
internal static class TreeListSeed
{
    public const string Url = "https://git.example/list<&>.git";
    public const string Commit = "6666666666666666666666666666666666666666";

    public static string Query { get; } = $"origin=maestro&git_url={Uri.EscapeDataString(Url)}&git_branch=master";

    public static Task SeedAsync(DashboardTestApp app) => app.SeedAsync(Document().ToJsonString());

    private static JsonObject Document() => new()
    {
        ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
        ["checkouts"] = new JsonArray
        {
            new JsonObject
            {
                ["id"] = "maestro:ck-list", ["origin"] = "maestro", ["tree_name"] = "listing", ["git_repository_url"] = Url,
                ["git_repository_branch"] = "master", ["git_commit_hash"] = Commit, ["git_commit_name"] = "v7.0-rc1",
                ["start_time"] = "2026-01-05T10:00:00.123456+00:00", ["valid"] = true,
            },
        },
        ["builds"] = new JsonArray
        {
            Build("maestro:b-list-arm", "arm64", "gcc-14", "defconfig", "PASS", 61.25,
                new JsonObject { ["platform"] = "build-plat", ["lab"] = "lab-ü", ["n"] = 1.50 }),
            Build("maestro:b-list-x86", "x86_64", "clang-18", "x86_64_defconfig+kselftest", "FAIL", null, null),
            Build("maestro:dummy_ck-list", null, null, null, "PASS", 0, null),
        },
        ["tests"] = new JsonArray
        {
            Test("maestro:t-boot-a", "maestro:b-list-arm", "boot", "PASS", 12.5, "2026-01-05T11:00:00.000001+00:00",
                new JsonObject
                {
                    ["platform"] = "rk3399-rock-pi-4b",
                    ["job_id"] = 12345,
                    ["nested"] = new JsonObject { ["list"] = JsonNode.Parse("[1, 2.50, 1e3, -0.0, true, null, \"x\"]"), ["empty"] = new JsonObject() },
                    ["html"] = "<b>&'\"</b> + `q`",
                    ["text"] = "café ✓ 😀 line\nbreak\ttab \u0001",
                },
                ["radxa,rock-pi-4b", "rockchip,rk3399"], new JsonObject { ["runtime"] = "lava-collabora", ["error_msg"] = "é" }),
            Test("maestro:t-boot-nfs", "maestro:b-list-x86", "boot.nfs", "FAIL", 0.1, "2026-01-05T11:30:00+00:00",
                new JsonObject { ["platform"] = 42 }, ["qcom,sc7180"], new JsonObject { ["runtime"] = 5 }),
            Test("maestro:t-boot-bare", "maestro:b-list-x86", "boot", "MISS", null, null, null, null, null),
            Test("maestro:t-kself", "maestro:b-list-arm", "kselftest.timers.nanosleep", "FAIL", 123456789.123, "2026-01-05T12:00:00.5+00:00",
                new JsonObject { ["platform"] = "bcm2711-rpi-4-b", ["url"] = "https://lab.example/job?id=1&x=<2>" }, [],
                new JsonObject { ["runtime"] = "lava-broonie" }),
            Test("maestro:t-two-issues", "maestro:b-list-arm", "kselftest.timers.posix_timers", "FAIL", 1e-7, "2026-01-05T12:00:00.5+00:00",
                new JsonObject(), ["raspberrypi,4-model-b"], new JsonObject { ["runtime"] = "lava-broonie" }),
            Test("maestro:t-nulls", "maestro:b-list-x86", null, null, null, "2026-01-05T09:00:00+00:00", null, null, new JsonObject()),
            Test("maestro:t-dummy", "maestro:dummy_ck-list", "kunit.example.ünïcode", "SKIP", 3, "2026-01-05T13:00:00+00:00",
                new JsonObject { ["platform"] = "qemu-x86" }, null, new JsonObject { ["runtime"] = "shell" }),
            Test("maestro:t-pass", "maestro:b-list-x86", "baseline.login", "PASS", 7, "2026-01-05T14:00:00+00:00",
                new JsonObject { ["platform"] = "x86-box", ["labels"] = new JsonArray("a", "b") }, ["x86,box"],
                new JsonObject { ["runtime"] = "lava-collabora" }),
        },
        ["issues"] = new JsonArray
        {
            Issue("maestro:issue-a", "first <issue>"),
            Issue("maestro:issue-b", "second issue é"),
        },
        ["incidents"] = new JsonArray
        {
            Incident("maestro:inc-a", "maestro:issue-a", "maestro:t-two-issues"),
            Incident("maestro:inc-b", "maestro:issue-b", "maestro:t-two-issues"),
            Incident("maestro:inc-c", "maestro:issue-b", "maestro:t-boot-nfs"),
        },
    };

    private static JsonObject Build(string id, string? arch, string? compiler, string? config, string status, double? duration, JsonObject? misc)
    {
        var build = new JsonObject
        {
            ["id"] = id, ["checkout_id"] = "maestro:ck-list", ["origin"] = "maestro", ["start_time"] = "2026-01-05T10:30:00+00:00",
            ["status"] = status, ["log_url"] = $"https://storage.example/{id}/build.log.gz",
        };
        if (duration is not null)
        {
            build["duration"] = duration;
        }

        if (arch is not null)
        {
            build["architecture"] = arch;
            build["compiler"] = compiler;
            build["config_name"] = config;
        }

        if (misc is not null)
        {
            build["misc"] = misc;
        }

        return build;
    }

    private static JsonObject Test(string id, string build, string? path, string? status, double? duration, string? start, JsonObject? environmentMisc,
        string[]? compatibles, JsonObject? misc)
    {
        var test = new JsonObject
        {
            ["id"] = id, ["build_id"] = build, ["origin"] = "maestro", ["log_url"] = $"https://storage.example/{id}/log.txt.gz?a=1&b=ü",
        };
        if (path is not null)
        {
            test["path"] = path;
        }

        if (status is not null)
        {
            test["status"] = status;
        }

        if (duration is not null)
        {
            test["duration"] = duration;
        }

        if (start is not null)
        {
            test["start_time"] = start;
        }

        if (environmentMisc is not null || compatibles is not null)
        {
            var environment = new JsonObject();
            if (environmentMisc is not null)
            {
                environment["misc"] = environmentMisc;
            }

            if (compatibles is not null)
            {
                environment["compatible"] = new JsonArray([.. compatibles.Select(c => (JsonNode)c)]);
            }

            test["environment"] = environment;
        }

        if (misc is not null)
        {
            test["misc"] = misc;
        }

        return test;
    }

    private static JsonObject Issue(string id, string comment) => new()
    {
        ["id"] = id, ["version"] = 1, ["origin"] = "maestro", ["comment"] = comment, ["report_url"] = "https://lore.example/" + id,
        ["culprit"] = new JsonObject { ["code"] = true },
    };

    private static JsonObject Incident(string id, string issue, string test) => new()
    {
        ["id"] = id, ["origin"] = "maestro", ["issue_id"] = issue, ["issue_version"] = 1, ["test_id"] = test, ["present"] = true,
    };
}
