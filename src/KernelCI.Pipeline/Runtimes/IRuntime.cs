using KernelCI.Pipeline.Config;

namespace KernelCI.Pipeline.Runtimes;

/// <summary>Where jobs run. The scheduler has already created the job's node (state running); the runtime starts the
/// job and returns its id (a PID, LAVA job id, Kubernetes job name); the job itself later writes the node's result.</summary>
public interface IRuntime
{
    RuntimeConfig Config { get; }

    Task<string> SubmitAsync(JobRequest request, CancellationToken cancellationToken);
}
