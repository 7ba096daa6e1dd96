namespace KernelCI.Client.Bisection;

/// <summary>Tests one commit for the bisection: kci-dev's runner asks the pipeline to build and test it
/// (<see cref="PipelineStepRunner"/>); tests use a fake. A transient failure (the servers unreachable for a moment)
/// is thrown as <see cref="HttpRequestException"/>, <see cref="TimeoutException"/> or <see cref="BisectStepException"/>
/// and retried by the engine; any other exception stops the bisection with its state kept.</summary>
public interface IBisectStepRunner
{
    Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken);
}
