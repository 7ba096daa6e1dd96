using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Dashboard.Tests;

namespace KernelCI.Dashboard.Web.Tests.Compare;

/// <summary>stable/linux-6.1 (maestro) with three commits, a day apart, built on x86_64/gcc-13:
/// <list type="bullet">
/// <item><see cref="First"/>: cfg-same PASS.</item>
/// <item><see cref="Middle"/> (side A by default): cfg-reg PASS, cfg-fix FAIL, cfg-still FAIL, cfg-same PASS, cfg-gone PASS,
/// cfg-flaky ERROR; on cfg-same: boot PASS, kselftest.net.a PASS, kselftest.net.b FAIL.</item>
/// <item><see cref="Head"/> (side B by default): cfg-reg FAIL, cfg-fix PASS, cfg-still FAIL, cfg-same PASS, cfg-new PASS,
/// cfg-flaky FAIL, cfg-appear ERROR; on cfg-same: boot FAIL, kselftest.net.a FAIL, kselftest.net.b PASS.</item>
/// </list>
/// So from Middle to Head each kind of change has exactly one build: regression cfg-reg, fixed cfg-fix, newFailure
/// cfg-flaky, stillFailing cfg-still, newPass cfg-new, appeared cfg-appear, disappeared cfg-gone; cfg-same is unchanged.
/// Every test ran in the lab <see cref="Lab"/>.</summary>
internal static class CompareSeed
{
    public const string Tree = "stable";
    public const string Branch = "linux-6.1";
    public const string Url = "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git";
    public const string First = "aaaa000000000000000000000000000000000001";
    public const string Middle = "bbbb000000000000000000000000000000000002";
    public const string Head = "cccc000000000000000000000000000000000003";
    public const string Lab = "lava-collabora";

    public static string ComparePath => $"/tree/{Tree}/{Branch}/compare";

    public static string DetailsPath(string commit) => $"/tree/{Tree}/{Branch}/{commit}";

    public static Task SeedAsync(DashboardTestApp app) => app.SeedAsync(Document().ToJsonString());

    private static readonly DateTimeOffset HeadStart = DateTimeOffset.UtcNow.AddDays(-1);

    private static JsonObject Document()
    {
        var builds = new JsonArray { Build("c1", "cfg-same", "PASS", 3) };
        foreach (var (config, status) in new[] { ("cfg-reg", "PASS"), ("cfg-fix", "FAIL"), ("cfg-still", "FAIL"), ("cfg-same", "PASS"), ("cfg-gone", "PASS"), ("cfg-flaky", "ERROR") })
        {
            builds.Add(Build("c2", config, status, 2));
        }

        foreach (var (config, status) in new[] { ("cfg-reg", "FAIL"), ("cfg-fix", "PASS"), ("cfg-still", "FAIL"), ("cfg-same", "PASS"), ("cfg-new", "PASS"), ("cfg-flaky", "FAIL"), ("cfg-appear", "ERROR") })
        {
            builds.Add(Build("c3", config, status, 1));
        }

        return new JsonObject
        {
            ["version"] = new JsonObject { ["major"] = 5, ["minor"] = 3 },
            ["checkouts"] = new JsonArray { Checkout("c1", First, 3), Checkout("c2", Middle, 2), Checkout("c3", Head, 1) },
            ["builds"] = builds,
            ["tests"] = new JsonArray
            {
                Test("c2", "boot", "boot", "PASS", 2), Test("c2", "net-a", "kselftest.net.a", "PASS", 2), Test("c2", "net-b", "kselftest.net.b", "FAIL", 2),
                Test("c3", "boot", "boot", "FAIL", 1), Test("c3", "net-a", "kselftest.net.a", "FAIL", 1), Test("c3", "net-b", "kselftest.net.b", "PASS", 1),
            },
        };
    }

    /// <summary>The id of a commit's build of <paramref name="config"/> (commit c1, c2 or c3).</summary>
    public static string BuildId(string commit, string config) => $"maestro:s-{commit}-{config}";

    public static string TestId(string commit, string name) => $"maestro:s-{commit}-t-{name}";

    private static string Time(int daysAgo) =>
        HeadStart.AddDays(1 - daysAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static JsonObject Checkout(string commit, string hash, int daysAgo) => new()
    {
        ["id"] = "maestro:s-" + commit,
        ["origin"] = "maestro",
        ["tree_name"] = Tree,
        ["git_repository_url"] = Url,
        ["git_repository_branch"] = Branch,
        ["git_commit_hash"] = hash,
        ["git_commit_name"] = "v6.1." + (4 - daysAgo),
        ["start_time"] = Time(daysAgo),
        ["valid"] = true,
    };

    private static JsonObject Build(string commit, string config, string status, int daysAgo) => new()
    {
        ["id"] = BuildId(commit, config),
        ["checkout_id"] = "maestro:s-" + commit,
        ["origin"] = "maestro",
        ["start_time"] = Time(daysAgo),
        ["duration"] = 60,
        ["status"] = status,
        ["architecture"] = "x86_64",
        ["compiler"] = "gcc-13",
        ["config_name"] = config,
    };

    private static JsonObject Test(string commit, string name, string path, string status, int daysAgo) => new()
    {
        ["id"] = TestId(commit, name),
        ["build_id"] = BuildId(commit, "cfg-same"),
        ["origin"] = "maestro",
        ["path"] = path,
        ["status"] = status,
        ["start_time"] = Time(daysAgo),
        ["environment"] = new JsonObject { ["misc"] = new JsonObject { ["platform"] = "qemu-x86" } },
        ["misc"] = new JsonObject { ["runtime"] = Lab },
    };
}
