using KernelCI.Pipeline.Config;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.Lava;

/// <summary>Upstream's queue gate (kernelci/kernelci-pipeline:src/scheduler.py, _should_skip_due_to_queue_depth): no
/// online device (health Good or unset) → skip; queued Submitted jobs ≥ max_queue_depth × online × factor → skip,
/// the factor growing linearly from 1 at priority 0 to max_queue_depth_priority_factor at 100. Any error → submit
/// (fail open), so a lab whose API misbehaves still gets jobs.</summary>
internal sealed class LavaQueueGate(LavaLabSettings lab, LavaRestClient client, ILogger logger)
{
    public async Task<bool> AdmitsAsync(string job, string deviceType, int basePriority, CancellationToken cancellationToken)
    {
        if (lab.DisableQueueLimit)
        {
            return true;
        }

        try
        {
            var online = await client.OnlineDevicesAsync(deviceType, cancellationToken);
            if (online == 0)
            {
                LavaLog.QueueFull(logger, lab.Name, job, deviceType, "no online devices");
                return false;
            }

            var queued = await client.QueuedAsync(deviceType, cancellationToken);
            var factor = 1.0 + LavaPriority.Fraction(basePriority) * (lab.MaxQueueDepthPriorityFactor - 1.0);
            var limit = (int)(lab.MaxQueueDepth * online * factor);
            if (queued >= limit)
            {
                LavaLog.QueueFull(logger, lab.Name, job, deviceType, $"{queued} queued >= {limit} ({lab.MaxQueueDepth} per device, {online} online, factor {factor:0.00})");
                return false;
            }

            return true;
        }
        catch (LavaApiException e)
        {
            LavaLog.QueueCheckFailed(logger, lab.Name, deviceType, e.Message);
            return true;
        }
    }
}
