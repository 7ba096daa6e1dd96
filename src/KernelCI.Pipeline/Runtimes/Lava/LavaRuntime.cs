using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava.Definition;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>lab_type lava: submits each job's definition to the lab's REST API v0.2 and records LAVA's job id on the
/// node; LAVA reports the result through the callback (docs/labs.md). A transient refusal (no answer, 5xx) is tried
/// again twice; then the scheduler ends the node incomplete with `submit_error`, which job-retry retries. A lab that
/// stayed unreachable through those attempts is not asked again for <see cref="Cooldown"/>: its jobs end at once with
/// `submit_error` and its queue gate admits without asking. The scheduler's per-runtime submission queue already keeps
/// a dead lab from delaying the other labs; the cooldown stays because without it each of the dead lab's queued jobs
/// would still cost three attempts (up to 3 × 30 s for a lab that never answers), so its queue would fill up to its
/// bound and then hold up the event handler, and every gate query would wait for its timeout too (docs/labs.md,
/// "Submission" and "The scheduler's submission queues").</summary>
internal sealed class LavaRuntime(RuntimeConfig config, LavaLabSettings lab, LavaRestClient client, RuntimeContext context) : IRuntime, IQueueGate
{
    public static int SubmitAttempts { get; set; } = 3;

    public static TimeSpan SubmitRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public static TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(1);

    private readonly Lock _down = new();
    private (DateTimeOffset Until, string Reason)? _unreachable;

    private readonly ILogger _logger = context.Loggers.CreateLogger<LavaRuntime>();
    private readonly LavaJobBuilder _builder = new(lab, context.Options.Instance, context.Options.InstanceCallback);

    public RuntimeConfig Config { get; } = config;

    public LavaLabSettings Lab => lab;

    /// <summary>The YAML submitted for <paramref name="request"/>.</summary>
    public string Definition(JobRequest request) => LavaYaml.Write(_builder.Build(request, TreePriority(request.Node)));

    public async Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken)
    {
        if (lab.Url is null)
        {
            throw new InvalidOperationException($"runtime {lab.Name} has no url: pull-mode labs are not submitted to");
        }

        if (Unreachable() is { } down)
        {
            throw new LavaApiException($"LAVA lab {lab.Name}: not asked before {down.Until:HH:mm:ss} UTC, unreachable since its last attempts ({down.Reason})",
                System.Net.HttpStatusCode.ServiceUnavailable);
        }

        if (request.Resumed && await AcceptedBeforeAsync(request, cancellationToken) is { } accepted)
        {
            LavaLog.Adopted(_logger, lab.Name, request.Node.Id, accepted);
            return await RecordAsync(request, accepted, cancellationToken);
        }

        var definition = Definition(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var jobId = await client.SubmitAsync(definition, cancellationToken);
                MarkReachable();
                LavaLog.Submitted(_logger, lab.Name, request.Node.Id, jobId);
                return await RecordAsync(request, jobId, cancellationToken);
            }
            catch (LavaApiException e) when (e.Transient && attempt < SubmitAttempts)
            {
                LavaLog.SubmitFailed(_logger, lab.Name, request.Node.Id, attempt, e.Message);
                await Task.Delay(SubmitRetryDelay * attempt, context.Time, cancellationToken);
            }
            catch (LavaApiException e) when (e.Transient && e.Status is null)
            {
                // No answer at all after every attempt: the lab is down, not refusing this job.
                MarkUnreachable(e.Message);
                throw;
            }
        }
    }

    private async Task<string> RecordAsync(JobRequest request, long jobId, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["job_id"] = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        JobTimes.SetSubmittedAt(data, context.Time.GetUtcNow());
        await context.Nodes.SetDataAsync(request.Node.Id!, data, cancellationToken);
        return jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The LAVA job of a node resumed after a stop, when the lab accepted it before the stop but its id was
    /// never recorded; null when the lab has none, or cannot say (then it is submitted, as before: a job run twice
    /// is better than one lost, and the second callback for a done node is ignored).</summary>
    private async Task<long?> AcceptedBeforeAsync(JobRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await client.FindJobAsync(_builder.NamePrefix(request.Node.Id!), cancellationToken);
        }
        catch (LavaApiException e)
        {
            LavaLog.LookupFailed(_logger, lab.Name, request.Node.Id, e.Message);
            return null;
        }
    }

    public Task<bool> AdmitsAsync(JobConfig job, PlatformConfig platform, MaestroNode parent, CancellationToken cancellationToken)
    {
        if (Unreachable() is not null)
        {
            // The gate fails open; asking a lab known to be down would only make every job wait for its timeout.
            return Task.FromResult(true);
        }

        var deviceType = job.Params["device_type"]?.ToString() ?? platform.BaseName ?? platform.Name;
        var basePriority = LavaPriority.Base(null, null, TreePriority(parent), job.Priority);
        return new LavaQueueGate(lab, client, _logger).AdmitsAsync(job.Name, deviceType, basePriority, cancellationToken);
    }

    /// <summary>Cancels the LAVA job of a node that timed out; a failure is logged, as LAVA ends the job at its own
    /// job timeout anyway.</summary>
    public async Task CancelAsync(string jobId, string? nodeId, CancellationToken cancellationToken)
    {
        try
        {
            await client.CancelAsync(jobId, cancellationToken);
            LavaLog.Canceled(_logger, lab.Name, jobId, nodeId);
        }
        catch (LavaApiException e)
        {
            LavaLog.CancelFailed(_logger, lab.Name, jobId, nodeId, e.Message);
        }
    }

    private (DateTimeOffset Until, string Reason)? Unreachable()
    {
        lock (_down)
        {
            return _unreachable is { } down && down.Until > context.Time.GetUtcNow() ? down : null;
        }
    }

    private void MarkUnreachable(string reason)
    {
        lock (_down)
        {
            _unreachable = (context.Time.GetUtcNow() + Cooldown, reason);
        }

        LavaLog.Unreachable(_logger, lab.Name, Cooldown.TotalSeconds, reason);
    }

    private void MarkReachable()
    {
        lock (_down)
        {
            _unreachable = null;
        }
    }

    // The priority of the build config of the node's tree and branch (kernelci/kernelci-pipeline:src/scheduler.py,
    // _get_tree_priority).
    private string? TreePriority(MaestroNode node)
    {
        var revision = node.Data["kernel_revision"];
        var tree = revision?["tree"]?.ToString();
        var branch = revision?["branch"]?.ToString();
        return context.Config.BuildConfigs.Values.FirstOrDefault(b => b.Tree == tree && b.Branch == branch && b.Priority is not null)?.Priority;
    }
}
