using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Cancels the LAVA job (`GET jobs/&lt;id&gt;/cancel/`) of a node the timeout service ended: its data.runtime
/// names a lava lab with a url, and data.job_id is LAVA's id. The timeout service may run without the scheduler, so
/// the lab is found in the configuration, not among loaded runtimes.</summary>
internal sealed class LavaTimedOutJobs(PipelineConfig config, LavaSecrets secrets, LavaHttp http, ILogger<LavaTimedOutJobs> logger) : ITimedOutJobs
{
    public async Task TimedOutAsync(MaestroNode node, CancellationToken cancellationToken)
    {
        if (node.Data["runtime"]?.ToString() is not { } name || !config.Runtimes.TryGetValue(name, out var runtime) || runtime.LabType != "lava"
            || node.Data["job_id"]?.ToString() is not { Length: > 0 } jobId)
        {
            return;
        }

        var lab = LavaLabSettings.Read(runtime, []);
        if (lab.Url is null || secrets.Find(lab.RuntimeTokenName) is not { } token)
        {
            return;
        }

        var client = new LavaRestClient(http.Client(lab.Url), name, token);
        try
        {
            await client.CancelAsync(jobId, cancellationToken);
            LavaLog.Canceled(logger, name, jobId, node.Id);
        }
        catch (LavaApiException e)
        {
            LavaLog.CancelFailed(logger, name, jobId, node.Id, e.Message);
        }
    }
}
