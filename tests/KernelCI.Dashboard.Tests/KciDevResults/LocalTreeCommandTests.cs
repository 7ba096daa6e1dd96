using KernelCI.Data;

namespace KernelCI.Dashboard.Tests.KciDevResults;

/// <summary>A commit of a local (file://) tree, as the run.sh demo builds it: send-kcidb leaves its
/// git_repository_url empty (only http(s) URLs go there), and `--giturl ''` finds it, as scripts/demo-pipeline.sh asks.</summary>
public sealed class LocalTreeCommandTests
{
    private const string Hash = "7ae5a80f138123c9ee3dc0a021abaa0ebe505bdd";

    [Fact]
    public async Task Summary_with_an_empty_giturl_finds_the_checkout_without_a_url()
    {
        await using var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite, kestrel: true);
        await app.SeedAsync($$"""
            {"version": {"major": 5, "minor": 3},
             "checkouts": [{"id": "maestro:c1", "origin": "maestro", "tree_name": "local", "git_repository_branch": "main",
                            "git_commit_hash": "{{Hash}}", "start_time": "2026-12-06T20:00:00+00:00"}],
             "builds": [{"id": "maestro:b1", "origin": "maestro", "checkout_id": "maestro:c1", "status": "PASS",
                         "config_name": "tinyconfig", "architecture": "x86_64", "compiler": "gcc"}],
             "tests": [{"id": "maestro:t1", "origin": "maestro", "build_id": "maestro:b1", "path": "boot", "status": "PASS"}]}
            """);

        var run = await ResultsServer.RunOursAsync(app.ApiUrl, "results", "summary", "--giturl", "", "--branch", "main", "--commit", Hash);

        Assert.True(run.Result.ExitCode == 0, run.Result.ToString());
        Assert.Contains("builds:\t1/0/0", run.Output, StringComparison.Ordinal);
        Assert.Contains("boots:\t1/0/0", run.Output, StringComparison.Ordinal);
    }
}
