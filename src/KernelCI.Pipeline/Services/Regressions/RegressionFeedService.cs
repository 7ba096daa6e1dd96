using KernelCI.Client.Kcidb;
using KernelCI.Pipeline.Events;
using KernelCI.Pipeline.Services.Bisection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Regressions;

/// <summary>The `regressions` service (docs/regressions.md, "Regression nodes"): reads KCIDB's regression change feed
/// with a blocking read (no polling: KCIDB answers when a change commits, or after <see cref="RegressionsOptions.FeedWait"/>
/// with nothing), writes each change into its `regression` node, hands open regressions to the automatic bisection, and
/// keeps the feed's number in the work folder so a restart goes on after the last change it applied.</summary>
internal sealed class RegressionFeedService(KcidbClient kcidb, RegressionNodeWriter writer, BisectionScheduler bisections, PipelineOptions options,
    Retry retry, ILogger<RegressionFeedService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = new RegressionCursor(Path.Combine(options.WorkDirectory ?? Path.GetTempPath(), "regressions", "feed-cursor"));
        var after = cursor.Load();
        while (!stoppingToken.IsCancellationRequested)
        {
            var page = await retry.RunAsync("regression changes",
                ct => kcidb.RegressionChangesAsync(after, options.Regressions.FeedWait, 100, ct), stoppingToken);
            foreach (var change in page.Changes)
            {
                try
                {
                    var node = await retry.RunAsync($"regression {change.Id}", ct => writer.ApplyAsync(change, ct), stoppingToken);
                    if (node is not null)
                    {
                        RegressionsLog.NodeWritten(logger, node.Id!, change.Id, change.Regression?.State ?? "removed");
                        if (change.Regression is { State: "open" } regression)
                        {
                            await bisections.ConsiderAsync(regression, node, stoppingToken);
                        }
                    }
                }
                // One regression that cannot be written must not stop the others behind it.
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    RegressionsLog.ChangeFailed(logger, change.Seq, change.Id, e.Message);
                }
            }

            if (page.Next != after)
            {
                after = page.Next;
                cursor.Save(after);
            }
        }
    }
}
