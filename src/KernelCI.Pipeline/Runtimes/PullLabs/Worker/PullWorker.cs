using KernelCI.Pipeline.Runtimes.Qemu;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs.Worker;

/// <summary>The reference pull-lab worker (`kernelci lab pull`, docs/labs.md "Connecting a firewalled lab (pull)"):
/// it only makes outgoing requests, so a lab behind a firewall joins with it. Each claim waits on the server for a job
/// (the API's blocking claim), so an idle worker sends one request per wait and never sleeps on a timer here. A claimed
/// job is run in QEMU as the QEMU lab runs it (its boot and commands), its lease renewed at each step, and its result posted to the callback route, like a LAVA lab's.</summary>
public sealed class PullWorker(PullWorkerOptions options, ILogger logger, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs jobs until cancelled, or one job with <see cref="PullWorkerOptions.Once"/>; returns how many ran.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var api = options.Api.AbsoluteUri.EndsWith('/') ? options.Api : new Uri(options.Api.AbsoluteUri + "/");
        // Longer than a claim's wait; downloads of a kernel may take minutes.
        using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromMinutes(10) };
        var client = new PullLabClient(http, options);
        var work = options.WorkDirectory ?? Path.Combine(Path.GetTempPath(), "kernelci-pull-" + options.Lab);
        var ran = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var job = await client.ClaimNextAsync(cancellationToken);
            if (job is null)
            {
                continue;
            }

            PullLabsLog.WorkerClaimed(logger, options.Lab, job.Id);
            await RunJobAsync(client, http, job, Path.Combine(work, job.Id), cancellationToken);
            ran++;
            if (options.Once)
            {
                break;
            }
        }

        return ran;
    }

    // Renews the claim's lease; a refusal (the lease ran out and the job went to another worker) is logged and the
    // job still runs: its result is taken if the node is not done by then.
    private async Task ProgressAsync(PullLabClient client, string nodeId, string step, CancellationToken cancellationToken)
    {
        PullLabsLog.WorkerProgress(logger, options.Lab, nodeId, step);
        try
        {
            await client.ProgressAsync(nodeId, step, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            PullLabsLog.WorkerRenewFailed(logger, options.Lab, nodeId, e.Message);
        }
    }

    private async Task RunJobAsync(PullLabClient client, HttpClient http, PullJob job, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        try
        {
            var document = await client.DefinitionAsync(job.Id, cancellationToken);
            var outcome = await new PullBoot(http, directory, options.Kvm, _time, step => ProgressAsync(client, job.Id, step, cancellationToken))
                .RunAsync(document, job.Name, cancellationToken);
            PullLabsLog.WorkerFinished(logger, options.Lab, job.Id, outcome.Verdict.Result, outcome.Verdict.ErrorCode);
            var device = document["environment"]?["platform"]?.ToString() ?? job.Platform ?? options.Lab;
            var result = PullCallback.Build(outcome.Verdict, outcome.Log, outcome.Serial, device, _time.GetUtcNow());
            await client.CallbackAsync(job.Id, document["callback"]?["url"]?.ToString(), result, cancellationToken);
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
