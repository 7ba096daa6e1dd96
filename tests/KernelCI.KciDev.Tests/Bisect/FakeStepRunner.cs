using KernelCI.Client.Bisection;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>A step runner deciding by a function of the commit and how often it was asked about it; it records every
/// call, and can throw on a chosen call to stand for an interruption or a transient failure.</summary>
internal sealed class FakeStepRunner(Func<string, int, StepVerdict> verdict) : IBisectStepRunner
{
    public List<string> Calls { get; } = [];

    /// <summary>Thrown instead of answering the call with this 1-based number.</summary>
    public Dictionary<int, Exception> Throws { get; } = [];

    public static FakeStepRunner For(SmallRepository repository) =>
        new((commit, _) => repository.IsBad(commit) ? StepVerdict.Bad : StepVerdict.Good);

    public Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken)
    {
        Calls.Add(commit);
        if (Throws.TryGetValue(Calls.Count, out var exception))
        {
            throw exception;
        }

        var v = verdict(commit, Calls.Count(c => c == commit));
        return Task.FromResult(new StepResult(v, [new StepNode("node-" + Calls.Count, "baseline-x86", "done", v == StepVerdict.Good ? "pass" : "fail", "http://storage/log-" + Calls.Count)]));
    }
}
