using System.Net.Http.Headers;
using System.Text;
using KernelCI.Data;
using KernelCI.KciDev.Tests.Servers;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Issues;

/// <summary>`issues match …` and `results regressions mark` against our real KCIDB server (docs/kci-dev.md, "issues
/// match"), with a token of our origin (`maestro`, the default).</summary>
public sealed class KnownIssueCommandTests : IAsyncLifetime
{
    private readonly KciDevHarness _kciDev = new();
    private KcidbServer _kcidb = null!;

    public async ValueTask InitializeAsync()
    {
        _kcidb = await KcidbServer.StartAsync();
        _kciDev.WriteSettings($"""
            default_instance = "local"
            [local]
            kcidb_rest_url = "{_kcidb.SubmitUrl}"
            kcidb_token = "{_kcidb.Token("maestro")}"
            """);
    }

    [Fact]
    public async Task Added_known_issue_is_listed_and_shown()
    {
        var added = await _kciDev.RunAsync("issues", "match", "add", "--name", "qemu_hang", "--subject", "qemu boots hang", "--test-path", "boot*",
            "--platform", "qemu-*", "--log-regex", "rcu: INFO: .* stall");
        var listed = await _kciDev.RunAsync("issues", "match", "list");
        var shown = await _kciDev.RunAsync("issues", "match", "show", "maestro:known_qemu_hang", "--json");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("maestro:known_qemu_hang v1: qemu boots hang (tests boot* on qemu-*, log /rcu: INFO: .* stall/)\n", listed.Output);
        Assert.Contains("\"log_regex\":\"rcu: INFO: .* stall\"", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_matcher_is_added_and_listed_with_its_patterns()
    {
        var added = await _kciDev.RunAsync("issues", "match", "add", "--name", "arm64_clang", "--subject", "clang on arm64", "--kind", "build",
            "--arch", "arm64", "--compiler", "clang-*");
        var listed = await _kciDev.RunAsync("issues", "match", "list");

        Assert.True(added.ExitCode == 0, added.ToString());
        Assert.Equal("maestro:known_arm64_clang v1: clang on arm64 (builds *, arm64, clang-*)\n", listed.Output);
    }

    [Fact]
    public async Task Update_prints_the_new_version()
    {
        await _kciDev.RunAsync("issues", "match", "add", "--name", "qemu_hang", "--subject", "s", "--test-path", "boot");

        var updated = await _kciDev.RunAsync("issues", "match", "update", "maestro:known_qemu_hang", "--platform", "qemu-arm64");

        Assert.Equal("maestro:known_qemu_hang v2: s (tests boot on qemu-arm64)\n", updated.Output);
    }

    [Fact]
    public async Task Deleted_known_issue_is_not_found_in_one_line()
    {
        await _kciDev.RunAsync("issues", "match", "add", "--name", "qemu_hang", "--subject", "s", "--test-path", "boot");

        var deleted = await _kciDev.RunAsync("issues", "match", "delete", "maestro:known_qemu_hang");
        var shown = await _kciDev.RunAsync("issues", "match", "show", "maestro:known_qemu_hang");

        Assert.Equal((0, 1), (deleted.ExitCode, shown.ExitCode));
        Assert.Equal("kci-dev: KCIDB answered 404: id: no known issue maestro:known_qemu_hang\n", shown.Error);
    }

    [Fact]
    public async Task Bad_regex_is_one_line_naming_log_regex()
    {
        var added = await _kciDev.RunAsync("issues", "match", "add", "--subject", "s", "--test-path", "boot", "--log-regex", "(unclosed");

        Assert.Equal(1, added.ExitCode);
        Assert.StartsWith("kci-dev: KCIDB answered 400: log_regex: ", added.Error, StringComparison.Ordinal);
        Assert.Single(added.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Regression_is_marked_invalid_and_opened_again()
    {
        var id = await RegressionAsync();

        var invalid = await _kciDev.RunAsync("results", "regressions", "mark", id, "--invalid");
        var open = await _kciDev.RunAsync("results", "regressions", "mark", id, "--open");

        Assert.Equal($"Regression {id} is invalid\n", invalid.Output);
        Assert.Equal($"Regression {id} is open\n", open.Output);
    }

    [Fact]
    public async Task Mark_needs_exactly_one_of_invalid_and_open()
    {
        var result = await _kciDev.RunAsync("results", "regressions", "mark", "abc");

        Assert.Equal((1, "kci-dev: give exactly one of --invalid and --open\n"), (result.ExitCode, result.Error));
    }

    // lab's boot passes on one commit and fails on the next: the tracker opens a regression.
    private async Task<string> RegressionAsync()
    {
        using var http = new HttpClient { BaseAddress = _kcidb.Url };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _kcidb.Token("lab"));
        for (var i = 0; i < 2; i++)
        {
            var document = $$"""
                {"version": {"major": 5, "minor": 3},
                 "checkouts": [{"id": "lab:c{{i}}", "origin": "lab", "tree_name": "mainline", "git_repository_branch": "master",
                                "git_commit_hash": "{{new string((char)('a' + i), 40)}}", "start_time": "2026-01-01T0{{i}}:00:00+00:00"}],
                 "builds": [{"id": "lab:b{{i}}", "origin": "lab", "checkout_id": "lab:c{{i}}", "status": "PASS"}],
                 "tests": [{"id": "lab:t{{i}}", "origin": "lab", "build_id": "lab:b{{i}}", "path": "boot", "status": "{{(i == 0 ? "PASS" : "FAIL")}}"}]}
                """;
            using var response = await http.PostAsync("submit", new StringContent(document, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            await using var connection = await _kcidb.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT id FROM kcidb_regressions";
            if (await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is string id)
            {
                return id;
            }

            Assert.True(DateTime.UtcNow < deadline, "no regression was opened");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _kcidb.DisposeAsync();
        _kciDev.Dispose();
    }
}
