using KernelCI.Client.Bisection;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>The automatic bisection's step verdict for a test that ended `incomplete`: skip, not bad. The regression
/// tracker counts ERROR and MISS as infrastructure that decides nothing (docs/regressions.md, "Lifecycle"), and send-kcidb
/// sends an incomplete job or test as ERROR or MISS (KcidbStatus); kci-dev bisect's runner calls any result but pass
/// bad, so when the regression's test is its job (a `boot` regression's is `baseline-x86`) a QEMU that failed to start
/// or a boot past its time limit would otherwise mark the commit bad and could name an innocent one.</summary>
internal sealed class InfrastructureSkipRunner(IBisectStepRunner inner, string test) : IBisectStepRunner
{
    public async Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken)
    {
        var result = await inner.RunAsync(commit, cancellationToken);
        return result.Verdict == StepVerdict.Bad && result.Nodes.LastOrDefault(n => n.Name == test) is { Result: "incomplete" } node
            ? result with { Verdict = StepVerdict.Skip, Note = $"{node.Name} ended incomplete: an infrastructure failure decides nothing" }
            : result;
    }
}
