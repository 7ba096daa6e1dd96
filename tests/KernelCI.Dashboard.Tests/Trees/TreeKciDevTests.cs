using System.Text.Json.Nodes;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>Upstream's kci-dev `results` commands against the seeded dashboard, their --json output compared with what
/// <see cref="TreeSeed"/> must give (kci-dev's kcidev/subcommands/results/parser.py builds that output).</summary>
public sealed class TreeKciDevTests(TreeKciDevServer server) : IClassFixture<TreeKciDevServer>
{
    private static readonly string[] Head = ["--giturl", TreeSeed.MainlineUrl, "--branch", "master", "--commit", TreeSeed.HeadCommit, "--json"];

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_trees_lists_maestros_trees(DatabaseKind kind)
    {
        var trees = JsonNode.Parse(await server.RunAsync(kind, "results", "trees", "--json"))!.AsArray();

        Assert.Equal(["mainline/master", $"next/{TreeSeed.NextBranch}"], trees.Select(t => (string?)t!["tree"]));
        Assert.Equal(TreeSeed.HeadCommit, (string?)trees[0]!["latest_commit_hash"]);
        Assert.Equal(TreeSeed.MainlineUrl, (string?)trees[0]!["giturl"]);
        Assert.Equal(TreeSeed.HeadTag, (string?)trees[0]!["latest_commit_name"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_summary_counts_pass_fail_and_inconclusive(DatabaseKind kind)
    {
        var summary = JsonNode.Parse(await server.RunAsync(kind, ["results", "summary", .. Head]))!;

        Assert.Equal("""{"builds":{"pass":1,"fail":2,"inconclusive":0},"boots":{"pass":1,"fail":1,"inconclusive":0},"tests":{"pass":2,"fail":1,"inconclusive":1}}""",
            summary.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_summary_history_shows_each_commit(DatabaseKind kind)
    {
        var history = JsonNode.Parse(await server.RunAsync(kind, "results", "summary", "--history", "--giturl", TreeSeed.MainlineUrl, "--branch", "master", "--json"))!.AsArray();

        Assert.Equal([TreeSeed.HeadCommit, TreeSeed.OldCommit], history.Select(c => (string?)c!["git_commit_hash"]));
        Assert.Equal(2, (long)history[0]!["builds"]!["FAIL"]!);
        Assert.Equal(1, (long)history[0]!["boots"]!["fail"]!);
        Assert.Equal(1, (long)history[1]!["tests"]!["fail"]!);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_builds_by_status(DatabaseKind kind)
    {
        var failed = JsonNode.Parse(await server.RunAsync(kind, ["results", "builds", "--status", "fail", .. Head]))!.AsArray();
        var passed = JsonNode.Parse(await server.RunAsync(kind, ["results", "builds", "--status", "pass", .. Head]))!.AsArray();

        Assert.Equal(["maestro:b-riscv", "maestro:b-x86"], failed.Select(b => (string?)b!["id"]).Order());
        var arm = Assert.Single(passed)!;
        Assert.Equal("maestro:b-arm64", (string?)arm["id"]);
        Assert.Equal("defconfig", (string?)arm["config"]);
        Assert.Equal("arm64", (string?)arm["arch"]);
        Assert.Equal("gcc-12", (string?)arm["compiler"]);
        Assert.Equal("https://storage.example/b-arm64/.config", (string?)arm["config_url"]);
        Assert.Equal("https://storage.example/b-arm64/build.log.gz", (string?)arm["log"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_builds_by_config_and_architecture(DatabaseKind kind)
    {
        var byConfig = JsonNode.Parse(await server.RunAsync(kind, ["results", "builds", "--config", "x86_64_*", .. Head]))!.AsArray();
        var byArch = JsonNode.Parse(await server.RunAsync(kind, ["results", "builds", "--arch", "riscv", .. Head]))!.AsArray();

        Assert.Equal(["maestro:b-x86"], byConfig.Select(b => (string?)b!["id"]));
        Assert.Equal(["maestro:b-riscv"], byArch.Select(b => (string?)b!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_boots_by_status_and_hardware(DatabaseKind kind)
    {
        var failed = JsonNode.Parse(await server.RunAsync(kind, ["results", "boots", "--status", "fail", .. Head]))!.AsArray();
        var rock = JsonNode.Parse(await server.RunAsync(kind, ["results", "boots", "--hardware", "rockchip,*", .. Head]))!.AsArray();

        var rpi = Assert.Single(failed)!;
        Assert.Equal("maestro:t-boot-rpi", (string?)rpi["id"]);
        Assert.Equal("bcm2711-rpi-4-b", (string?)rpi["hardware"]);
        Assert.Equal(TreeSeed.RpiCompatibles, rpi["compatibles"]!.AsArray().Select(c => (string?)c));
        Assert.Equal("FAIL", (string?)rpi["status"]);
        Assert.Equal("boot", (string?)rpi["test_path"]);
        Assert.Equal(["maestro:t-boot-rock"], rock.Select(b => (string?)b!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_tests_by_path_and_status(DatabaseKind kind)
    {
        var timers = JsonNode.Parse(await server.RunAsync(kind, ["results", "tests", "--test-path", "kselftest.timers.*", .. Head]))!.AsArray();
        var passed = JsonNode.Parse(await server.RunAsync(kind, ["results", "tests", "--status", "pass", .. Head]))!.AsArray();

        Assert.Equal(["maestro:t-nanosleep", "maestro:t-posix"], timers.Select(t => (string?)t!["id"]).Order());
        Assert.Equal(["maestro:t-login", "microsoft:t-kunit"], passed.Select(t => (string?)t!["id"]).Order());
        Assert.Equal("INCONCLUSIVE (status: SKIP)", (string?)timers.Single(t => (string?)t!["id"] == "maestro:t-posix")!["status"]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_tests_by_config_and_date(DatabaseKind kind)
    {
        var after = TreeSeed.HeadStart.AddHours(1.5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture);
        var before = TreeSeed.HeadStart.AddHours(2.5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", System.Globalization.CultureInfo.InvariantCulture);

        var unknownConfig = JsonNode.Parse(await server.RunAsync(kind, ["results", "tests", "--config", "Unknown", .. Head]))!.AsArray();
        var window = JsonNode.Parse(await server.RunAsync(kind, ["results", "tests", "--start-date", after, "--end-date", before, .. Head]))!.AsArray();

        Assert.Equal(["microsoft:t-kunit"], unknownConfig.Select(t => (string?)t!["id"]));
        Assert.Equal(["maestro:t-nanosleep"], window.Select(t => (string?)t!["id"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Kci_dev_results_tests_by_hardware(DatabaseKind kind)
    {
        var qemu = JsonNode.Parse(await server.RunAsync(kind, ["results", "tests", "--hardware", "qemu-*", .. Head]))!.AsArray();

        var kunit = Assert.Single(qemu)!;
        Assert.Equal("microsoft:t-kunit", (string?)kunit["id"]);
        Assert.Equal("kunit.example.case", (string?)kunit["test_path"]);
    }
}
