using System.Net;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>Bad arguments and failing servers are MCP tool errors with one clear line (the argument named first), and
/// the server goes on serving.</summary>
public sealed class McpToolErrorTests : IAsyncLifetime
{
    private const string Commit = "2222222222222222222222222222222222222222";

    private readonly StubDashboard _dashboard = new();
    private KciDevMcp _mcp = null!;

    public async ValueTask InitializeAsync() => _mcp = await KciDevMcp.StartAsync(_dashboard.Url, _dashboard.Handler, time: new ImmediateTimers());

    [Fact]
    public async Task A_missing_required_argument_is_named()
    {
        var error = await _mcp.CallErrorAsync("list_builds", new { branch = "master", commit = Commit });

        Assert.Equal("giturl: required", error);
        Assert.Empty(_dashboard.Requests);
    }

    [Fact]
    public async Task An_argument_of_the_wrong_type_is_named()
    {
        var error = await _mcp.CallErrorAsync("list_builds", new { giturl = "https://x", branch = "master", commit = Commit, limit = "ten" });

        Assert.Equal("limit: expected integer, got string", error);
    }

    [Fact]
    public async Task An_unknown_argument_is_named()
    {
        var error = await _mcp.CallErrorAsync("get_build", new { build_id = "maestro:b1", verbose = true });

        Assert.Equal("verbose: get_build has no such argument", error);
    }

    [Fact]
    public async Task An_unknown_status_is_refused_before_any_request()
    {
        var error = await _mcp.CallErrorAsync("list_tests", new { giturl = "https://x", branch = "master", commit = Commit, status = "broken" });

        Assert.Equal("status: must be pass, fail, inconclusive or all, got 'broken'", error);
        Assert.Empty(_dashboard.Requests);
    }

    [Fact]
    public async Task An_id_that_would_leave_its_path_segment_is_refused()
    {
        var error = await _mcp.CallErrorAsync("get_test", new { test_id = "../hardware" });

        Assert.StartsWith("test_id: ", error);
        Assert.Empty(_dashboard.Requests);
    }

    [Fact]
    public async Task The_dashboards_error_reply_is_a_tool_error_and_the_server_keeps_serving()
    {
        // Given a dashboard answering "not found" the dashboard way (HTTP 200 with an error), then a tree list
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, """{"error":"Build not found"}"""));
        _dashboard.Replies.Enqueue((HttpStatusCode.OK, "[]"));

        var error = await _mcp.CallErrorAsync("get_build", new { build_id = "maestro:nope" });
        var trees = await _mcp.CallJsonAsync("list_trees");

        Assert.Equal("dashboard: Build not found", error);
        Assert.Empty(trees!.AsArray());
        Assert.Equal($"{_dashboard.Url}build/maestro:nope", _dashboard.Requests[0]);
    }

    [Fact]
    public async Task A_server_error_is_retried_then_a_tool_error()
    {
        _dashboard.Replies.Clear();
        _dashboard.Replies.Enqueue((HttpStatusCode.BadGateway, "bad gateway"));

        var error = await _mcp.CallErrorAsync("list_trees", new { days = 3 });

        Assert.Equal(4, _dashboard.Requests.Count);
        Assert.StartsWith("dashboard: HTTP 502", error);
    }

    [Fact]
    public async Task An_unreachable_dashboard_is_a_tool_error()
    {
        await using var mcp = await KciDevMcp.StartAsync(new Uri($"http://127.0.0.1:{FreePort.BasePort()}/api/"), () => new SocketsHttpHandler());

        var error = await mcp.CallErrorAsync("list_trees");

        Assert.StartsWith("cannot reach the server: ", error);
    }

    [Fact]
    public async Task An_unknown_maestro_node_names_node_id()
    {
        var maestro = new RecordingServer("http://maestro.test/") { Reply = "null" };
        await using var mcp = await KciDevMcp.StartAsync(_dashboard.Url, HostRouter.Of((_dashboard.Url, _dashboard.Handler), (maestro.Url, maestro.Handler)),
            api: maestro.Url);

        var error = await mcp.CallErrorAsync("get_node", new { node_id = "65a1f0c2e1b2c3d4e5f60718" });

        Assert.Equal("node_id: no node 65a1f0c2e1b2c3d4e5f60718", error);
        Assert.Equal("/latest/node/65a1f0c2e1b2c3d4e5f60718", Assert.Single(maestro.Requests).Path);
    }

    public async ValueTask DisposeAsync() => await _mcp.DisposeAsync();
}
