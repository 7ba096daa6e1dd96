using KernelCI.KciDev.Tests.Servers;

namespace KernelCI.KciDev.Tests.Subscriptions;

/// <summary>One dashboard + notifications pair shared by the subscription tests: each test uses its own address.</summary>
public sealed class SubscriptionFixture : IAsyncLifetime
{
    private SubscriptionServers? _servers;

    internal SubscriptionServers Servers => _servers!;

    public async ValueTask InitializeAsync() => _servers = await SubscriptionServers.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }
}
