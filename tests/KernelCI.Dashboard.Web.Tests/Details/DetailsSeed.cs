using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests.Details;

/// <summary>A small KCIDB for the build and test pages, times relative to now:
/// <list type="bullet">
/// <item>stable/linux-6.6.y (maestro), four checkouts a day apart (commits aaaa…, bbbb…, cccc…, dddd…), each with one
/// arm64 defconfig build and its baseline.login on beaglebone-black: PASS, PASS, FAIL, FAIL (a regression).</item>
/// <item>The newest build, <see cref="BuildId"/>, has every file, a command, a log excerpt with markup in it, an issue,
/// a boot and 25 kselftest.cpu tests (every 3rd FAIL, every 5th of the rest SKIP): 27 tests and boots.</item>
/// <item>Its baseline.login, <see cref="TestId"/>, has a log, files, compatibles, a runtime and an issue;
/// <see cref="NoConfigTestId"/> runs on a build without a config, so it has no history.</item>
/// <item><see cref="OddBuildId"/> and <see cref="OddTestId"/> have ids with a slash, a space and other characters.</item>
/// </list></summary>
internal static class DetailsSeed
{
    public const string BuildId = "maestro:sb-4";
    public const string TestId = "maestro:st-4";
    public const string BootId = "maestro:st-boot";
    public const string NoConfigTestId = "maestro:st-noconf";
    public const string OddBuildId = "maestro:6a3f.b_c~d@e+f/g h";
    public const string OddTestId = "maestro:t/ü.1~2@3 x";
    public const string Url = "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git";
    public const string Branch = "linux-6.6.y";
    public const string Platform = "beaglebone-black";
    public const string Excerpt = "<script>alert('x')</script> kernel BUG at mm/slub.c";
    public const int BuildTests = 27;

    public static readonly string[] Commits = [new('a', 40), new('b', 40), new('c', 40), new('d', 40)];

    public static readonly string[] LoginStatuses = ["PASS", "PASS", "FAIL", "FAIL"];

    public static readonly DateTimeOffset Newest = Truncate(DateTimeOffset.UtcNow.AddDays(-1));

    public static string TreePath => $"/tree/stable/{Branch}/{Commits[3]}";

    public static Task SeedAsync(DashboardTestApp app) => app.SeedAsync(Document().ToJsonString());

    /// <summary>kselftest.cpu.tNN's status.</summary>
    public static string StatusOf(int n) => n % 3 == 0 ? "FAIL" : n % 5 == 0 ? "SKIP" : "PASS";

    private static JsonObject Document()
    {
        var checkouts = new JsonArray();
        var builds = new JsonArray();
        var tests = new JsonArray();
        for (var n = 1; n <= 4; n++)
        {
            var start = Newest.AddDays(n - 4);
            checkouts.Add(Checkout($"maestro:ck-s{n}", Commits[n - 1], start));
            builds.Add(Build($"maestro:sb-{n}", $"maestro:ck-s{n}", "defconfig", start));
            tests.Add(Test($"maestro:st-{n}", $"maestro:sb-{n}", "baseline.login", LoginStatuses[n - 1], start.AddHours(1)));
        }

        Rich((JsonObject)builds[3]!);
        Rich((JsonObject)tests[3]!);
        tests.Add(Test(BootId, BuildId, "boot", "PASS", Newest.AddMinutes(30)));
        for (var n = 0; n < BuildTests - 2; n++)
        {
            tests.Add(Test($"maestro:st-cpu-{n:00}", BuildId, $"kselftest.cpu.t{n:00}", StatusOf(n), Newest.AddMinutes(40 + n)));
        }

        var noConfig = Build("maestro:sb-noconf", "maestro:ck-s4", null, Newest);
        builds.Add(noConfig);
        builds.Add(Build(OddBuildId, "maestro:ck-s4", "tinyconfig", Newest));
        tests.Add(Test(NoConfigTestId, "maestro:sb-noconf", "baseline.login", "PASS", Newest.AddHours(1)));
        tests.Add(Test(OddTestId, OddBuildId, "kunit.exec", "PASS", Newest.AddHours(1)));
        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = checkouts,
            ["builds"] = builds,
            ["tests"] = tests,
            ["issues"] = new JsonArray { Issue("maestro:issue-slub", "slub corruption on boot"), Issue("maestro:issue-warn", "gpu driver warning") },
            ["incidents"] = new JsonArray
            {
                Incident("maestro:inc-test", "maestro:issue-slub", "test_id", TestId),
                Incident("maestro:inc-build", "maestro:issue-warn", "build_id", BuildId),
            },
        };
    }

    private static void Rich(JsonObject item)
    {
        var build = item.ContainsKey("checkout_id");
        item["log_url"] = build ? "https://storage.example/sb-4/build.log.gz" : "https://storage.example/st-4/lava.log";
        item["log_excerpt"] = Excerpt;
        item["input_files"] = Files(("rootfs.cpio.gz", "https://storage.example/rootfs.cpio.gz"));
        if (build)
        {
            item["config_url"] = "https://storage.example/sb-4/.config";
            item["command"] = "make -j8 ARCH=arm64 Image modules";
            item["comment"] = "built by kernelci";
            item["output_files"] = Files(("Image", "https://storage.example/sb-4/Image"), ("modules.tar.xz", "https://storage.example/sb-4/modules.tar.xz"),
                ("build_kselftest.log", "https://storage.example/sb-4/kselftest.log"));
        }
        else
        {
            item["output_files"] = Files(("results.json", "https://storage.example/st-4/results.json"));
            item["environment"] = new JsonObject
            {
                ["compatible"] = new JsonArray("ti,am335x-bone-black", "ti,am33xx"),
                ["misc"] = new JsonObject { ["platform"] = Platform, ["job_id"] = "1234" },
            };
            item["misc"] = new JsonObject { ["runtime"] = "lava-collabora" };
        }
    }

    private static JsonArray Files(params (string Name, string Url)[] files) =>
        new([.. files.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["url"] = f.Url })]);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static JsonObject Checkout(string id, string hash, DateTimeOffset start) => new()
    {
        ["id"] = id, ["origin"] = "maestro", ["tree_name"] = "stable", ["git_repository_url"] = Url, ["git_repository_branch"] = Branch,
        ["git_commit_hash"] = hash, ["git_commit_name"] = "v6.6." + hash[0], ["start_time"] = Time(start), ["valid"] = true,
    };

    private static JsonObject Build(string id, string checkout, string? config, DateTimeOffset start)
    {
        var build = new JsonObject
        {
            ["id"] = id, ["checkout_id"] = checkout, ["origin"] = "maestro", ["start_time"] = Time(start), ["duration"] = 754.0,
            ["status"] = "PASS", ["architecture"] = "arm64", ["compiler"] = "gcc-13", ["misc"] = new JsonObject { ["lab"] = "k8s-all" },
        };
        if (config is not null)
        {
            build["config_name"] = config;
        }

        return build;
    }

    private static JsonObject Test(string id, string build, string path, string status, DateTimeOffset start) => new()
    {
        ["id"] = id, ["build_id"] = build, ["origin"] = "maestro", ["path"] = path, ["status"] = status, ["start_time"] = Time(start),
        ["duration"] = 42.0, ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = Platform } },
    };

    private static JsonObject Issue(string id, string comment) => new()
    {
        ["id"] = id, ["version"] = 1, ["origin"] = "maestro", ["comment"] = comment, ["culprit"] = new JsonObject { ["code"] = true },
    };

    private static JsonObject Incident(string id, string issue, string key, string item) => new()
    {
        ["id"] = id, ["origin"] = "maestro", ["issue_id"] = issue, ["issue_version"] = 1, [key] = item, ["present"] = true,
    };
}
