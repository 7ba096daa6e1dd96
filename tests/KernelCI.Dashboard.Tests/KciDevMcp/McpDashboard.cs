using KernelCI.Data;
using KernelCI.Testing;
using Microsoft.AspNetCore.TestHost;

namespace KernelCI.Dashboard.Tests.KciDevMcp;

/// <summary>A dashboard on a fresh SQLite KCIDB with seeded rows, and our `kci-dev mcp` server (with a real MCP client)
/// whose dashboard tools call it in process.</summary>
internal sealed class McpDashboard : IAsyncDisposable
{
    private McpDashboard(DashboardTestApp app, KernelCI.Testing.KciDevMcp mcp)
    {
        App = app;
        Mcp = mcp;
    }

    public DashboardTestApp App { get; }

    public KernelCI.Testing.KciDevMcp Mcp { get; }

    public static async Task<McpDashboard> StartAsync(Func<DashboardTestApp, Task> seed)
    {
        var app = await DashboardTestApp.StartAsync(DatabaseKind.Sqlite);
        await seed(app);
        var server = app.App.GetTestServer();
        var mcp = await KernelCI.Testing.KciDevMcp.StartAsync(new Uri(app.Client.BaseAddress!, "/api/"), server.CreateHandler);
        return new McpDashboard(app, mcp);
    }

    public async ValueTask DisposeAsync()
    {
        await Mcp.DisposeAsync();
        await App.DisposeAsync();
    }
}
