using KernelCI.Testing;

namespace KernelCI.KciDev.Tests.Mcp;

/// <summary>get_node and list_nodes ask Maestro's `latest/node/{id}` and `latest/nodes/fast` as kci-dev does
/// (kci-dev.md §9), without the pipeline token.</summary>
public sealed class McpMaestroToolTests : IAsyncLifetime
{
    private const string Node = """
        {"id":"65a1f0c2e1b2c3d4e5f60718","kind":"job","name":"baseline-x86","state":"done","result":"pass","treeid":"tree-1",
         "updated":"2026-12-06T10:00:00.000000","data":{"arch":"x86_64"}}
        """;

    private readonly StubDashboard _dashboard = new();
    private readonly RecordingServer _maestro = new("http://maestro.test/") { Reply = Node };
    private KciDevMcp _mcp = null!;

    public async ValueTask InitializeAsync() =>
        _mcp = await KciDevMcp.StartAsync(_dashboard.Url, HostRouter.Of((_dashboard.Url, _dashboard.Handler), (_maestro.Url, _maestro.Handler)),
            api: _maestro.Url, pipeline: new Uri("http://pipeline.test/"), token: "jwt-token");

    [Fact]
    public async Task Get_node_returns_the_node()
    {
        var node = await _mcp.CallJsonAsync("get_node", new { node_id = "65a1f0c2e1b2c3d4e5f60718" });

        Assert.Equal(("baseline-x86", "pass", "tree-1"), ((string?)node!["name"], (string?)node["result"], (string?)node["treeid"]));
        var request = Assert.Single(_maestro.Requests);
        Assert.Equal(("GET", "/latest/node/65a1f0c2e1b2c3d4e5f60718"), (request.Method, request.Path));
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task List_nodes_sends_the_filters_and_page_and_projects_fields()
    {
        _maestro.Reply = "[" + Node + "]";

        var nodes = await _mcp.CallJsonAsync("list_nodes", new
        {
            filters = new[] { "name__re=baseline", "state=done" }, limit = 5, offset = 10, fields = new[] { "id", "result" },
        });

        Assert.Equal("/latest/nodes/fast?name__re=baseline&state=done&limit=5&offset=10", Assert.Single(_maestro.Requests).Path);
        Assert.Equal("""[{"id":"65a1f0c2e1b2c3d4e5f60718","result":"pass"}]""", nodes!.ToJsonString());
    }

    [Fact]
    public async Task A_filter_without_equals_names_filters()
    {
        var error = await _mcp.CallErrorAsync("list_nodes", new { filters = new[] { "state" } });

        Assert.Equal("filters: 'state' is not field=value", error);
        Assert.Empty(_maestro.Requests);
    }

    public async ValueTask DisposeAsync() => await _mcp.DisposeAsync();
}
