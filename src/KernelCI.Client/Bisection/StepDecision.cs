namespace KernelCI.Client.Bisection;

/// <summary>When a step's runs are enough, and what they say. A good or skip result stands. A bad one is confirmed by
/// running the commit again `retry-fail` more times (upstream re-runs failures: kernelci/kci-dev:kcidev/subcommands/bisect.py):
/// every run bad → bad; any run disagreeing → the result is flaky, so every retry is still run and the commit is
/// skipped rather than marked on a coin toss.</summary>
public static class StepDecision
{
    /// <summary>The verdict and a note, or null when another run is needed.</summary>
    public static (StepVerdict Verdict, string? Note)? Decide(IReadOnlyList<StepResult> runs, int retryFail)
    {
        if (runs.Count == 0)
        {
            return null;
        }

        if (runs[0].Verdict != StepVerdict.Bad)
        {
            return (runs[0].Verdict, runs[0].Note);
        }

        if (runs.Count < 1 + retryFail)
        {
            return null;
        }

        var bad = runs.Count(r => r.Verdict == StepVerdict.Bad);
        if (bad == runs.Count)
        {
            return (StepVerdict.Bad, runs.Count > 1 ? $"bad in all {runs.Count} runs" : null);
        }

        var good = runs.Count(r => r.Verdict == StepVerdict.Good);
        return (StepVerdict.Skip, $"flaky: {bad} bad, {good} good, {runs.Count - bad - good} without a result in {runs.Count} runs");
    }
}
