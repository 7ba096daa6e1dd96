using System.Text;
using System.Text.Json;
using KernelCI.Dashboard.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace KernelCI.Dashboard.Web.Live;

/// <summary>Writes one live stream in the `text/event-stream` format (html.spec.whatwg.org/multipage/server-sent-events.html):
/// a `results` event with the counts whenever they differ from the last ones the client has, a comment on each
/// heartbeat, until the client goes away.</summary>
internal static class LiveStream
{
    public const string EventName = "results";

    // How long EventSource waits before it reconnects after the connection drops.
    private const int RetryMilliseconds = 5000;

    public static async Task RunAsync(HttpContext http, DashboardDb db, LiveSubscription subscription, string? since, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        // Reverse proxies (nginx) would otherwise hold the events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await WriteAsync(response, $"retry: {RetryMilliseconds}\n\n", cancellationToken);

        var ids = subscription.CheckoutIds;
        var sent = since;
        var changed = true;
        while (true)
        {
            if (changed)
            {
                var counts = await LiveCounts.ReadAsync(db, ids, cancellationToken);
                if (counts.Id != sent)
                {
                    await WriteAsync(response, Event(counts), cancellationToken);
                    sent = counts.Id;
                }
            }

            (changed, var heartbeat) = await subscription.WaitAsync(cancellationToken);
            if (heartbeat)
            {
                await WriteAsync(response, ": heartbeat\n\n", cancellationToken);
            }
        }
    }

    public static string Event(LiveCounts counts) =>
        $"id: {counts.Id}\nevent: {EventName}\ndata: {JsonSerializer.Serialize(new { counts.Builds, counts.Boots, counts.Tests }, JsonSerializerOptions.Web)}\n\n";

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
