using System.Diagnostics;
using KernelCI.Bench.Infrastructure;

namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>Polls GET /status until every submission is processed; any failed one ends the benchmark.</summary>
internal sealed class StatusWaiter(KcidbHttpClient client, ServerProcess server, TextWriter output)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    public async Task WaitAsync(IReadOnlyList<string> ids, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pending = new LinkedList<string>(ids);
        var stopwatch = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        using var timer = new PeriodicTimer(PollInterval);
        while (pending.Count > 0)
        {
            await CheckRoundAsync(pending, cancellationToken);
            if (pending.Count == 0)
            {
                break;
            }

            if (server.HasExited)
            {
                throw new BenchFailure("the server exited during ingestion:\n" + server.Tail());
            }

            if (stopwatch.Elapsed > timeout)
            {
                throw new BenchFailure($"{pending.Count} of {ids.Count} submissions were not processed within {timeout.TotalMinutes} min");
            }

            if (stopwatch.Elapsed - lastProgress >= ProgressInterval)
            {
                lastProgress = stopwatch.Elapsed;
                await output.WriteLineAsync($"    processed {ids.Count - pending.Count}/{ids.Count} submissions");
            }

            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    // Submissions are ingested roughly oldest first, so a round stops at the first one still waiting instead of asking
    // about every later one too.
    private async Task CheckRoundAsync(LinkedList<string> pending, CancellationToken cancellationToken)
    {
        for (var node = pending.First; node is not null;)
        {
            var state = await client.StatusAsync(node.Value, cancellationToken);
            switch (state.Status)
            {
                case "processed":
                    var next = node.Next;
                    pending.Remove(node);
                    node = next;
                    continue;
                case "failed":
                    throw new BenchFailure($"submission {state.Id} failed: {string.Join("; ", state.Errors.Take(5))}");
                case "inprogress" or "ready":
                    return;
                default:
                    throw new BenchFailure($"GET /status?id={state.Id} says '{state.Status}'");
            }
        }
    }
}
