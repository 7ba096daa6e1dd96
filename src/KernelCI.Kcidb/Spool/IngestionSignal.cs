using System.Threading.Channels;

namespace KernelCI.Kcidb.Spool;

/// <summary>Wakes the ingester when a submission lands, instead of it polling the spool.</summary>
public sealed class IngestionSignal
{
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _channel.Reader.ReadAsync(cancellationToken);
    }
}
