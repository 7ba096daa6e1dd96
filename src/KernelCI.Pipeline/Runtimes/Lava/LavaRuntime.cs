using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Labs;
using KernelCI.Pipeline.Runtimes.Lava.Definition;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>lab_type lava: submits each job's definition to the lab's REST API v0.2 and records LAVA's job id on the
/// node; LAVA reports the result through the callback (docs/labs.md). A transient refusal (no answer, 5xx) is tried
/// again twice; then the scheduler ends the node incomplete with `submit_error`, which job-retry retries.</summary>
internal sealed class LavaRuntime(RuntimeConfig config, LavaLabSettings lab, LavaRestClient client, RuntimeContext context) : IRuntime, IQueueGate
{
    public static int SubmitAttempts { get; set; } = 3;

    public static TimeSpan SubmitRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

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

        var definition = Definition(request);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var jobId = await client.SubmitAsync(definition, cancellationToken);
                LavaLog.Submitted(_logger, lab.Name, request.Node.Id, jobId);
                var data = new JsonObject { ["job_id"] = jobId.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                JobTimes.SetSubmittedAt(data, context.Time.GetUtcNow());
                await context.Nodes.SetDataAsync(request.Node.Id!, data, cancellationToken);
                return jobId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (LavaApiException e) when (e.Transient && attempt < SubmitAttempts)
            {
                LavaLog.SubmitFailed(_logger, lab.Name, request.Node.Id, attempt, e.Message);
                await Task.Delay(SubmitRetryDelay * attempt, context.Time, cancellationToken);
            }
        }
    }

    public Task<bool> AdmitsAsync(JobConfig job, PlatformConfig platform, MaestroNode parent, CancellationToken cancellationToken)
    {
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
