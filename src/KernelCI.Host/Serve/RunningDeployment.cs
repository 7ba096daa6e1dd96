using KernelCI.Data;
using KernelCI.Pipeline;
using Microsoft.AspNetCore.Builder;

namespace KernelCI.Host.Serve;

/// <summary>The listeners `serve` started (in the order they stop), and the pipeline options it completed.</summary>
internal sealed class RunningDeployment(IReadOnlyList<WebApplication> apps, IReadOnlyList<Database> databases, PipelineOptions? pipeline) : IAsyncDisposable
{
    public PipelineOptions? Pipeline { get; } = pipeline;

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
