using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>A runtime whose lab may be too busy for another job: asked by the scheduler before it creates the job's
/// node, as upstream's scheduler asks LAVA labs (kernelci/kernelci-pipeline:src/scheduler.py,
/// _should_skip_due_to_queue_depth). Answers true when it cannot tell (fail open).</summary>
public interface IQueueGate
{
    Task<bool> AdmitsAsync(JobConfig job, PlatformConfig platform, MaestroNode parent, CancellationToken cancellationToken);
}
