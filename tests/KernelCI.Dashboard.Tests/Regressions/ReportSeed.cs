using System.Text.Json.Nodes;

namespace KernelCI.Dashboard.Tests.Regressions;

/// <summary>One tree (mainline/master, origin maestro) with four checkouts, hand-written so every tree-report, compare
/// and status-history answer is known. Times are relative to the moment the seed is made, since tree-report's window
/// is relative to now.
/// <code>
/// checkout   age   defconfig x86_64/gcc-12 tests on qemu-x86 (maestro)            allmodconfig arm64/clang-17
/// C0         30 h  late F
/// C1         20 h  regress P  fixed F  flaky P  stable P  gone F  kube* P boot P
/// C2         12 h  regress P  fixed F  flaky F  stable P  gone P  skipped P  kube* P  boot P   FAIL (issue2)
/// C3          2 h  regress F  fixed P  flaky P  stable P  skipped S  late P  kube* F  ms† F  boot P   FAIL (issue1, issue2)
/// </code>
/// * kselftest.kube runs on the `kubernetes` platform; † kselftest.regress of origin microsoft on platform qemu-ms.</summary>
internal sealed class ReportSeed
{
    public const string Tree = "mainline";
    public const string Branch = "master";
    public const string GitUrl = "https://git.example.org/linux.git";
    public const string Platform = "qemu-x86";
    public const string Config = "defconfig";

    public static readonly string[] Hashes = new[] { "c0", "c1", "c2", "c3" }.Select(n => n + new string('a', 38)).ToArray();

    private static readonly int[] AgesInHours = [30, 20, 12, 2];

    public ReportSeed(DateTimeOffset now) => Now = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public DateTimeOffset Now { get; }

    public string Hash(int checkout) => Hashes[checkout];

    /// <summary>When test runs of a checkout started: half an hour after the checkout.</summary>
    public DateTimeOffset TestTime(int checkout) => CheckoutTime(checkout).AddMinutes(30);

    public DateTimeOffset CheckoutTime(int checkout) => Now.AddHours(-AgesInHours[checkout]);

    public static string TestId(int checkout, string name) => $"maestro:t{checkout}-{name}";

    public async Task LoadAsync(DashboardTestApp app)
    {
        await app.SeedAsync(Document(0, [("late", "FAIL")], failedBuild: null));
        await app.SeedAsync(Document(1, [("regress", "PASS"), ("fixed", "FAIL"), ("flaky", "PASS"), ("stable", "PASS"), ("gone", "FAIL"),
            ("kube", "PASS"), ("boot", "PASS")], failedBuild: null));
        await app.SeedAsync(Document(2, [("regress", "PASS"), ("fixed", "FAIL"), ("flaky", "FAIL"), ("stable", "PASS"), ("gone", "PASS"),
            ("skipped", "PASS"), ("kube", "PASS"), ("boot", "PASS")], failedBuild: ["issue2"]));
        await app.SeedAsync(Document(3, [("regress", "FAIL"), ("fixed", "PASS"), ("flaky", "PASS"), ("stable", "PASS"), ("skipped", "SKIP"),
            ("late", "PASS"), ("kube", "FAIL"), ("ms", "FAIL"), ("boot", "PASS")], failedBuild: ["issue1", "issue2"]));
    }

    private string Document(int checkout, (string Name, string Status)[] tests, string[]? failedBuild)
    {
        var checkoutId = $"maestro:checkout{checkout}";
        var buildId = $"maestro:build{checkout}-defconfig";
        var builds = new JsonArray(Build(buildId, checkoutId, Config, "x86_64", "gcc-12", "PASS", checkout));
        var issues = new JsonArray();
        var incidents = new JsonArray();
        if (failedBuild is not null)
        {
            var failedId = $"maestro:build{checkout}-allmodconfig";
            builds.Add(Build(failedId, checkoutId, "allmodconfig", "arm64", "clang-17", "FAIL", checkout));
            foreach (var issue in failedBuild)
            {
                issues.Add(new JsonObject
                {
                    ["id"] = $"maestro:{issue}", ["version"] = 1, ["origin"] = "maestro", ["comment"] = $"{issue} comment",
                    ["report_url"] = $"https://lore.example.org/{issue}", ["culprit"] = new JsonObject { ["code"] = true, ["tool"] = false, ["harness"] = false },
                });
                incidents.Add(new JsonObject
                {
                    ["id"] = $"maestro:incident{checkout}-{issue}", ["origin"] = "maestro", ["issue_id"] = $"maestro:{issue}", ["issue_version"] = 1,
                    ["build_id"] = failedId, ["present"] = true,
                });
            }
        }

        var testArray = new JsonArray();
        foreach (var (name, status) in tests)
        {
            var origin = name == "ms" ? "microsoft" : "maestro";
            testArray.Add(new JsonObject
            {
                ["id"] = name == "ms" ? $"microsoft:t{checkout}-ms" : TestId(checkout, name),
                ["origin"] = origin,
                ["build_id"] = buildId,
                ["path"] = name switch { "boot" => "boot", "ms" => "kselftest.regress", _ => "kselftest." + name },
                ["status"] = status,
                ["start_time"] = TestTime(checkout).ToString("O"),
                ["environment"] = new JsonObject
                {
                    ["misc"] = new JsonObject { ["platform"] = name switch { "kube" => "kubernetes", "ms" => "qemu-ms", _ => Platform } },
                },
            });
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray(new JsonObject
            {
                ["id"] = checkoutId, ["origin"] = "maestro", ["tree_name"] = Tree, ["git_repository_url"] = GitUrl,
                ["git_repository_branch"] = Branch, ["git_commit_hash"] = Hash(checkout), ["git_commit_name"] = $"v6.{checkout}",
                ["start_time"] = CheckoutTime(checkout).ToString("O"), ["valid"] = true,
            }),
            ["builds"] = builds,
            ["tests"] = testArray,
            ["issues"] = issues,
            ["incidents"] = incidents,
        }.ToJsonString();
    }

    private JsonObject Build(string id, string checkoutId, string config, string arch, string compiler, string status, int checkout) => new()
    {
        ["id"] = id, ["origin"] = "maestro", ["checkout_id"] = checkoutId, ["config_name"] = config, ["architecture"] = arch,
        ["compiler"] = compiler, ["status"] = status, ["start_time"] = CheckoutTime(checkout).AddMinutes(10).ToString("O"),
    };
}
