using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Results;

/// <summary>`results trees` and the dashboard client's HTTP behaviour (kci-dev.md §3.1).</summary>
public sealed class TreesCommandTests : IDisposable
{
    private const string Trees = """
        [{"tree_name":"mainline","git_repository_branch":"master","git_repository_url":"https://git.kernel.org/torvalds/linux.git",
          "git_commit_hash":"0123456789012345678901234567890123456789","git_commit_name":"v6.1","start_time":"2026-12-01T10:00:00Z"}]
        """;

    private readonly KciDevHarness _kciDev = new();
    private readonly StubDashboard _dashboard = new();

    public TreesCommandTests()
    {
        _kciDev.WriteSettings($"dashboard_api = \"{_dashboard.Url}\"\n");
        _kciDev.Handler = _dashboard.Handler;
    }

    [Fact]
    public async Task Trees_json_has_upstreams_shape()
    {
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, Trees));

        var result = await _kciDev.RunAsync("results", "trees", "--json", "--days", "3");

        Assert.Equal(0, result.ExitCode);
        var tree = Assert.Single(JsonNode.Parse(result.Output)!.AsArray())!;
        Assert.Equal("mainline/master", tree["tree"]!.ToString());
        Assert.Equal("v6.1", tree["latest_commit_name"]!.ToString());
        Assert.Equal($"{_dashboard.Url}tree?origin=maestro&interval_in_days=3", Assert.Single(_dashboard.Requests));
    }

    [Fact]
    public async Task Trees_text_names_each_tree_and_its_latest_commit()
    {
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, Trees));

        var result = await _kciDev.RunAsync("results", "trees");

        Assert.Equal("- mainline/master:\n  giturl: https://git.kernel.org/torvalds/linux.git\n  latest: 0123456789012345678901234567890123456789 (v6.1)\n  latest: 2026-12-01T10:00:00Z\n",
            result.Output);
    }

    [Fact]
    public async Task Server_error_is_retried_then_reported_in_one_line()
    {
        var time = new ImmediateTimers();
        _kciDev.Time = time;
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.ServiceUnavailable, "{\"error\":\"busy\"}"));

        var result = await _kciDev.RunAsync("results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], time.Waits);
        Assert.Equal(4, _dashboard.Requests.Count);
        Assert.Contains("HTTP 503", result.Error);
        Assert.Contains("busy", result.Error);
    }

    [Fact]
    public async Task Unreachable_dashboard_is_one_line()
    {
        _kciDev.Handler = () => new SocketsHttpHandler();
        _kciDev.WriteSettings($"dashboard_api = \"http://127.0.0.1:{FreePort.BasePort()}/api/\"\n");

        var result = await _kciDev.RunAsync("results", "trees");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("kci-dev: cannot reach the server", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Negative_days_is_refused_before_any_request()
    {
        var result = await _kciDev.RunAsync("results", "trees", "--days", "-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--days -1", result.Error);
        Assert.Empty(_dashboard.Requests);
    }

    public void Dispose()
    {
        _kciDev.Dispose();
        _dashboard.Dispose();
    }
}
