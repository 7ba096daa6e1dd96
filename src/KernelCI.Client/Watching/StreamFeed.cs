using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>Our Maestro's `/events/stream`, already filtered by node name on the server.</summary>
internal sealed class StreamFeed(MaestroEventStream stream) : NodeEventFeed
{
    public override Task<MaestroEvent?> ReadAsync(CancellationToken cancellationToken) => stream.ReadAsync(cancellationToken);

    public override ValueTask DisposeAsync() => stream.DisposeAsync();
}
