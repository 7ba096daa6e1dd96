using System.Net;
using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>Node events as they happen, from the moment the feed is open: our Maestro's `/events/stream` (public,
/// filtered on the server by node name, resumable), else `/subscribe` + `/listen` long polls, which upstream's
/// kernelci-api offers too but only to a signed-in Maestro user (docs/maestro.md, "Events").</summary>
internal abstract class NodeEventFeed : IAsyncDisposable
{
    /// <summary>The next event, or null when the server ended the feed.</summary>
    public abstract Task<MaestroEvent?> ReadAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    /// <summary>Opens a feed of the events of nodes named <paramref name="names"/>: those after sequence
    /// <paramref name="after"/>, or with null those after this call.</summary>
    public static async Task<NodeEventFeed> OpenAsync(MaestroClient maestro, IReadOnlySet<string> names, long? after, CancellationToken cancellationToken)
    {
        try
        {
            var filters = new Dictionary<string, string> { ["name"] = string.Join(',', names.Order(StringComparer.Ordinal)) };
            return new StreamFeed(await maestro.OpenStreamAsync(filters, after, cancellationToken: cancellationToken));
        }
        catch (MaestroClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            // Upstream's kernelci-api has no stream: a promiscuous subscription sees every user's nodes.
            var subscription = await maestro.SubscribeAsync("node", promiscuous: true, cancellationToken: cancellationToken);
            return new ListenFeed(maestro, subscription.Id, names);
        }
    }
}
