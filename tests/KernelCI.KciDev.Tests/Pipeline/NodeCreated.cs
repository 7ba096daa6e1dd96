using KernelCI.Client.Maestro;

namespace KernelCI.KciDev.Tests.Pipeline;

/// <summary>Waits, on Maestro's event stream, for the next node of a name to be created: the node a kci-dev command
/// running in the background asked the pipeline API for.</summary>
internal sealed class NodeCreated : IAsyncDisposable
{
    private readonly MaestroClient _maestro;
    private readonly MaestroEventStream _stream;

    private NodeCreated(MaestroClient maestro, MaestroEventStream stream)
    {
        _maestro = maestro;
        _stream = stream;
    }

    public static async Task<NodeCreated> ListenAsync(MaestroClient maestro, string name) =>
        new(maestro, await maestro.OpenStreamAsync(new Dictionary<string, string> { ["name"] = name, ["op"] = "created" }, null,
            cancellationToken: TestContext.Current.CancellationToken));

    public async Task<MaestroNode> NextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var created = await _stream.ReadAsync(timeout.Token) ?? throw new InvalidOperationException("the event stream ended");
        return (await _maestro.GetNodeAsync(created.NodeId!, timeout.Token))!;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
