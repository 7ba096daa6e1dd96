using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>The write tools post kci-dev's bodies to the pipeline API (kci-dev.md §9) with the token sent verbatim, and
/// refuse bad arguments before sending anything.</summary>
public sealed class McpPipelineToolTests : IAsyncLifetime
{
    private const string Commit = "0123456789abcdef0123456789abcdef01234567";

    private readonly StubDashboard _dashboard = new();
    private readonly RecordingServer _pipeline = new();
    private KciDevMcp _mcp = null!;

    public async ValueTask InitializeAsync() =>
        _mcp = await KciDevMcp.StartAsync(_dashboard.Url, HostRouter.Of((_dashboard.Url, _dashboard.Handler), (_pipeline.Url, _pipeline.Handler)), api: new Uri("http://maestro.test/"), pipeline: _pipeline.Url,
            token: "jwt-token", http: false);

    [Fact]
    public async Task Trigger_checkout_posts_the_checkout_with_the_raw_token()
    {
        var reply = await _mcp.CallJsonAsync("trigger_checkout", new
        {
            giturl = "https://git.example.org/linux.git", branch = "master", commit = Commit, job_filter = new[] { "baseline-x86" },
        });

        var (method, path, authorization, body) = Assert.Single(_pipeline.Requests);
        Assert.Equal(("POST", "/api/checkout", "jwt-token"), (method, path, authorization));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse($$"""
            {"url":"https://git.example.org/linux.git","branch":"master","commit":"{{Commit}}","jobfilter":["baseline-x86"],"platformfilter":[]}
            """), body), body?.ToJsonString());
        Assert.Equal("tree-1", reply!["node"]!["treeid"]!.ToString());
    }

    [Fact]
    public async Task Retry_job_posts_the_node_id_and_returns_the_message()
    {
        _pipeline.Reply = """{"message":"job retry requested"}""";

        var reply = await _mcp.CallJsonAsync("retry_job", new { node_id = "65a1f0c2e1b2c3d4e5f60718" });

        var request = Assert.Single(_pipeline.Requests);
        Assert.Equal("/api/jobretry", request.Path);
        Assert.Equal("""{"nodeid":"65a1f0c2e1b2c3d4e5f60718"}""", request.Body!.ToJsonString());
        Assert.Equal("job retry requested", reply!["message"]!.ToString());
    }

    [Fact]
    public async Task Trigger_patchset_posts_inline_patches_and_filters()
    {
        await _mcp.CallJsonAsync("trigger_patchset", new
        {
            nodeid = "65a1f0c2e1b2c3d4e5f60718", patches = new[] { "--- a/x\n+++ b/x\n" }, job_filter = new[] { "kbuild-gcc-12-x86" },
        });

        var request = Assert.Single(_pipeline.Requests);
        Assert.Equal("/api/patchset", request.Path);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"nodeid":"65a1f0c2e1b2c3d4e5f60718","patch":["--- a/x\n+++ b/x\n"],"jobfilter":["kbuild-gcc-12-x86"]}
            """), request.Body), request.Body?.ToJsonString());
    }

    [Fact]
    public async Task A_refused_request_is_a_tool_error_with_the_pipelines_answer()
    {
        _pipeline.Status = HttpStatusCode.Unauthorized;
        _pipeline.Reply = """{"detail":"Invalid token"}""";

        var error = await _mcp.CallErrorAsync("retry_job", new { node_id = "65a1f0c2e1b2c3d4e5f60718" });

        Assert.Equal("""pipeline: HTTP 401: {"detail":"Invalid token"}""", error);
    }

    [Fact]
    public async Task Trigger_checkout_with_a_short_commit_names_commit_and_sends_nothing()
    {
        var error = await _mcp.CallErrorAsync("trigger_checkout", new
        {
            giturl = "https://git.example.org/linux.git", branch = "master", commit = "v6.1", job_filter = new[] { "baseline-x86" },
        });

        Assert.StartsWith("commit: ", error);
        Assert.Empty(_pipeline.Requests);
    }

    [Fact]
    public async Task Trigger_checkout_without_jobs_names_job_filter()
    {
        var error = await _mcp.CallErrorAsync("trigger_checkout", new
        {
            giturl = "https://git.example.org/linux.git", branch = "master", commit = Commit, job_filter = Array.Empty<string>(),
        });

        Assert.StartsWith("job_filter: ", error);
        Assert.Empty(_pipeline.Requests);
    }

    [Fact]
    public async Task Trigger_patchset_with_patches_and_urls_names_patches()
    {
        var error = await _mcp.CallErrorAsync("trigger_patchset", new
        {
            nodeid = "65a1f0c2e1b2c3d4e5f60718", patches = new[] { "diff" }, patchurls = new[] { "https://patchwork.kernel.org/x.patch" },
        });

        Assert.Equal("patches: give exactly one of patches and patchurls", error);
        Assert.Empty(_pipeline.Requests);
    }

    public async ValueTask DisposeAsync() => await _mcp.DisposeAsync();
}
