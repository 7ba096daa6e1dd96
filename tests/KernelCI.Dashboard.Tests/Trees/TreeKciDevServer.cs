using KernelCI.Dashboard.Tests.KciDev;
using KernelCI.Data;
using KernelCI.Testing;

namespace KernelCI.Dashboard.Tests.Trees;

/// <summary>One seeded dashboard per database on a real listener, and kci-dev pointed at each, shared by the kci-dev
/// tests of the tree endpoints (each kci-dev run starts a Python interpreter: seeding once per database keeps them
/// short).</summary>
public sealed class TreeKciDevServer : IAsyncLifetime
{
    private readonly Dictionary<DatabaseKind, (DashboardTestApp App, KciDevClient KciDev)> _servers = [];

    public async ValueTask InitializeAsync()
    {
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.PostgreSql })
        {
            var app = await DashboardTestApp.StartAsync(kind, kestrel: true);
            await TreeSeed.SeedAsync(app);
            _servers[kind] = (app, new KciDevClient(app.ApiUrl));
        }
    }

    /// <summary>Runs kci-dev against the dashboard of <paramref name="kind"/>; a failed run fails the test with its output.</summary>
    internal async Task<string> RunAsync(DatabaseKind kind, params string[] arguments)
    {
        var result = await _servers[kind].KciDev.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Output;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (app, kciDev) in _servers.Values)
        {
            kciDev.Dispose();
            await app.DisposeAsync();
        }
    }
}
