using System.Text.Json.Nodes;
using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Maestro;

/// <summary>`maestro validate builds|boots` against a real Maestro API and a real dashboard (kci-dev.md §2.1, §3.3).</summary>
public sealed class ValidateTests(ValidatedTree tree) : IClassFixture<ValidatedTree>, IDisposable
{
    private readonly KciDevHarness _kciDev = new();
    private readonly UpstreamKciDev _upstream = new(tree.Settings);

    private string[] Checkout => ["--giturl", SeededMaestro.Url, "--branch", "master", "--commit", SeededMaestro.Commit];

    [Fact]
    public async Task Builds_json_report_is_upstreams()
    {
        string[] arguments = ["maestro", "validate", "builds", .. Checkout, "--json"];
        _kciDev.WriteSettings(tree.Settings);

        var ours = await _kciDev.RunAsync(arguments);
        var theirs = await _upstream.RunAsync(arguments);

        Assert.True(theirs.ExitCode == 0, theirs.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(theirs.Output), JsonNode.Parse(ours.Output)), $"ours:\n{ours}\nupstream:\n{theirs}");
        var row = JsonNode.Parse(ours.Output)!["results"]![0]!;
        Assert.Equal(3, (int)row["maestro_count"]!);
        Assert.Equal(2, (int)row["dashboard_count"]!);
        Assert.Equal([tree.Riscv], row["missing_ids"]!.AsArray().Select(n => n!.ToString()));
        Assert.Equal([tree.Arm], row["status_mismatch_ids"]!.AsArray().Select(n => n!.ToString()));
    }

    [Fact]
    public async Task Fail_on_mismatch_exits_1()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "builds", .. Checkout, "--fail-on-mismatch"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("• mainline/master: ❌\n", result.Output);
        Assert.Contains($"  Missing builds: 1\n  - {tree.Maestro.Url}viewer?node_id={tree.Riscv}\n", result.Output);
        Assert.Contains($"  Status mismatched builds: 1\n  - {tree.Maestro.Url}viewer?node_id={tree.Arm}\n", result.Output);
    }

    [Fact]
    public async Task Matching_arch_passes()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "builds", .. Checkout, "--arch", "x86_64", "--fail-on-mismatch"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Fetching build information...\n• mainline/master: ✅\n  Commit: {SeededMaestro.Commit}\n\n", result.Output);
    }

    [Fact]
    public async Task Latest_takes_the_commit_from_the_dashboard()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("maestro", "validate", "builds", "--latest", "--giturl", SeededMaestro.Url, "--branch", "master", "--arch", "x86_64");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"  Commit: {SeededMaestro.Commit}\n", result.Output);
    }

    [Fact]
    public async Task Verbose_prints_the_missing_nodes()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "builds", .. Checkout, "--verbose"]);

        var start = result.Output.IndexOf("Missing items:\n", StringComparison.Ordinal) + "Missing items:\n".Length;
        var items = JsonNode.Parse(result.Output[start..result.Output.IndexOf("\n]\n", start, StringComparison.Ordinal)] + "\n]")!.AsArray();
        Assert.Equal(tree.Riscv, Assert.Single(items)!["id"]!.ToString());
    }

    [Fact]
    public async Task Boots_match()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "boots", .. Checkout, "--json", "--fail-on-mismatch"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var summary = JsonNode.Parse(result.Output)!["summary"]!;
        Assert.True((bool)summary["ok"]!);
        Assert.Equal(1, (int)summary["checked"]!);
    }

    [Fact]
    public async Task All_checkouts_takes_the_dashboards_trees()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("maestro", "validate", "boots", "--all-checkouts", "--days", "2", "--json");

        var row = Assert.Single(JsonNode.Parse(result.Output)!["results"]!.AsArray())!;
        Assert.Equal("mainline/master", row["tree_branch"]!.ToString());
    }

    [Fact]
    public async Task History_checks_every_recent_checkout()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "builds", "--history", "--giturl", SeededMaestro.Url, "--branch", "master", "--arch", "x86_64"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal($"Fetching build information...\nmainline/master: \n  Commit {SeededMaestro.Commit[..12]}: ✅\n", result.Output);
    }

    [Fact]
    public async Task Table_output_is_a_table()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync(["maestro", "validate", "builds", .. Checkout, "--table-output"]);

        Assert.Contains("Creating a stats report...", result.Output);
        Assert.Contains("│ mainline/master", result.Output);
        Assert.Contains("│ 3       │ 2         │ ❌", result.Output);
        Assert.Contains("│ " + tree.Riscv[..12], result.Output);
    }

    [Fact]
    public async Task All_checkouts_with_a_commit_is_refused()
    {
        _kciDev.WriteSettings(tree.Settings);

        var result = await _kciDev.RunAsync("maestro", "validate", "builds", "--all-checkouts", "--commit", "abc");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("kci-dev: --all-checkouts: cannot be used with --giturl, --branch or --commit\n", result.Error);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _upstream.Dispose();
    }
}
