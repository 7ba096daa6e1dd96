using System.Globalization;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.WakeUps;
using Microsoft.AspNetCore.Http;

namespace KernelCI.Maestro.Events.Delivery;

/// <summary>Server-Sent Events over the log: resumable with Last-Event-ID (or `after`), filtered on the server.</summary>
internal sealed class EventStream(EventStore events, EventSignal signal, MaestroOptions options, TimeProvider time)
{
    private const int Batch = 1000;

    public async Task RunAsync(HttpContext http, string channel, long after, StreamFilter filter)
    {
        var cancellationToken = http.RequestAborted;
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        await http.Response.Body.FlushAsync(cancellationToken);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wakeUp = signal.Next;
                var batch = await events.ReadAsync(channel, after, null, promiscuous: true, Batch, cancellationToken);
                foreach (var stored in batch)
                {
                    after = stored.Sequence;
                    if (filter.Matches(stored.Data))
                    {
                        await http.Response.WriteAsync(
                            $"id: {stored.Sequence.ToString(CultureInfo.InvariantCulture)}\nevent: {channel}\ndata: {CloudEvents.Render(stored)}\n\n", cancellationToken);
                    }
                }

                if (batch.Count > 0)
                {
                    await http.Response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                try
                {
                    await wakeUp.WaitAsync(options.KeepAlive, time, cancellationToken);
                }
                catch (TimeoutException)
                {
                    await http.Response.WriteAsync($": keep-alive {NodeTime.Render(time.GetUtcNow())}\n\n", cancellationToken);
                    await http.Response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; nothing to clean up, its position is in the ids it received.
        }
    }
}
