using KernelCI.Data;
using KernelCI.ServiceDefaults;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.Host.Serve;

/// <summary>The listeners `serve` started (in the order they stop), and the deployment its components see.</summary>
internal sealed class RunningDeployment(IReadOnlyList<WebApplication> apps, IReadOnlyList<Database> databases, Deployment deployment) : IAsyncDisposable
{
    public Deployment Deployment { get; } = deployment;

    public IReadOnlyList<WebApplication> Apps { get; } = apps;

    public async ValueTask DisposeAsync()
    {
        foreach (var app in Apps)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }

        foreach (var database in databases.Distinct())
        {
            await database.DisposeAsync();
        }
    }
}
