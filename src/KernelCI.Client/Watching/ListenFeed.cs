using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>A promiscuous `/subscribe` + `/listen` long poll (upstream's kernelci-api and ours), filtered here by name.</summary>
internal sealed class ListenFeed(MaestroClient maestro, long subscriptionId, IReadOnlySet<string> names) : NodeEventFeed
{
    public override async Task<MaestroEvent?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // A null is the server's keep-alive.
            if (await maestro.ListenAsync(subscriptionId, cancellationToken) is { } next
                && (next.Data as JsonObject)?["name"]?.ToString() is { } name && names.Contains(name))
            {
                return next;
            }
        }
    }

    public override async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await maestro.UnsubscribeAsync(subscriptionId, timeout.Token);
        }
        catch (Exception e) when (e is HttpRequestException or MaestroClientException or OperationCanceledException)
        {
            // An anonymous subscription left behind is reaped by the server after 15 idle minutes.
        }
    }
}
