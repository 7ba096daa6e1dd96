using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Told by the timeout service about each node it ended with node_timeout, so that a lab can stop the job
/// still running for it (a LAVA job is canceled).</summary>
public interface ITimedOutJobs
{
    Task TimedOutAsync(MaestroNode node, CancellationToken cancellationToken);
}
