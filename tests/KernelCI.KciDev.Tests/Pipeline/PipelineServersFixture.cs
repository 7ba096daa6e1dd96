namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>One <see cref="PipelineServers"/> per test class; each test works on a tree id of its own.</summary>
public sealed class PipelineServersFixture : IAsyncLifetime
{
    private PipelineServers? _servers;

    internal PipelineServers Servers => _servers ?? throw new InvalidOperationException("not started");

    public async ValueTask InitializeAsync() => _servers = await PipelineServers.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
