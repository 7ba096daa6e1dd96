using System.Net;

namespace KernelCI.EndToEnd.Tests;

/// <summary>A request body that sends <paramref name="before"/> bytes, reports it, then keeps sending slowly until cancelled.</summary>
internal sealed class EndlessContent(int before, byte fill) : HttpContent
{
    private readonly TaskCompletionSource _sent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Sent => _sent.Task;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var chunk = Enumerable.Repeat(fill, 64 * 1024).ToArray();
        for (var sent = 0; sent < before; sent += chunk.Length)
        {
            await stream.WriteAsync(chunk, cancellationToken);
        }

        await stream.FlushAsync(cancellationToken);
        _sent.TrySetResult();
        while (true)
        {
            await Task.Delay(50, cancellationToken);
            await stream.WriteAsync(chunk.AsMemory(0, 1024), cancellationToken);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
