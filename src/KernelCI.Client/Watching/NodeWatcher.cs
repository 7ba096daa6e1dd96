using System.Net;
using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Client.Watching;

/// <summary>Watches one tree's jobs and test until upstream's rules decide (kci-dev.md §3.2), following Maestro's events
/// instead of upstream's 30 s polling (kernelci/kci-dev:kcidev/libs/maestro_common.py `maestro_watch_jobs`): the
/// event feed is opened first, then the tree is read once (`nodes/fast?treeid=`) for what already happened, then each
/// event of a watched name is applied as it comes. Used by kci-dev's checkout, patchset and watch, and by bisection.</summary>
public sealed class NodeWatcher(MaestroClient maestro, TimeProvider time)
{
    /// <summary>Returns when the watch is decided. Before the first connection succeeds, failures are thrown; after it,
    /// a broken connection is retried every <see cref="WatchRequest.RetryDelay"/>, forever, as upstream does.</summary>
    public async Task<WatchOutcome> WatchAsync(WatchRequest request, IProgress<WatchUpdate>? progress = null, CancellationToken cancellationToken = default)
    {
        var run = new WatchRun(maestro, time, request, progress);
        var connected = false;
        while (true)
        {
            try
            {
                if (await run.FollowAsync(() => connected = true, cancellationToken) is { } outcome)
                {
                    return outcome;
                }
            }
            catch (Exception e) when (connected && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                progress?.Report(new WatchUpdate(WatchUpdateKind.Reconnecting, Detail: e.Message));
                await Task.Delay(request.RetryDelay, time, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException or IOException or OperationCanceledException => true,
        MaestroClientException maestro => (int)maestro.StatusCode >= 500 || maestro.StatusCode == HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
