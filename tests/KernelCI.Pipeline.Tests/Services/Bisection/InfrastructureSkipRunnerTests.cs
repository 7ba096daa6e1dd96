using KernelCI.Client.Bisection;
using KernelCI.Pipeline.Services.Bisection;

namespace KernelCI.Pipeline.Tests.Services.Bisection;

/// <summary>The automatic bisection skips a step whose test (a `boot` regression's test is its job) ended incomplete,
/// rather than calling the commit bad (found by the end-to-end test's review: an infrastructure failure would have
/// named an innocent commit).</summary>
public sealed class InfrastructureSkipRunnerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Job_that_ended_incomplete_is_a_skip()
    {
        var runner = new InfrastructureSkipRunner(Answer(StepVerdict.Bad, "incomplete"), "baseline-x86");

        var result = await runner.RunAsync("abc1234", Ct);

        Assert.Equal(StepVerdict.Skip, result.Verdict);
        Assert.Contains("infrastructure", result.Note, StringComparison.Ordinal);
        Assert.Equal(3, result.Nodes.Count);
    }

    [Fact]
    public async Task Job_that_failed_stays_bad()
    {
        var runner = new InfrastructureSkipRunner(Answer(StepVerdict.Bad, "fail"), "baseline-x86");

        Assert.Equal(StepVerdict.Bad, (await runner.RunAsync("abc1234", Ct)).Verdict);
    }

    [Fact]
    public async Task Incomplete_node_other_than_the_test_changes_nothing()
    {
        var runner = new InfrastructureSkipRunner(Answer(StepVerdict.Bad, "incomplete"), "login");

        Assert.Equal(StepVerdict.Bad, (await runner.RunAsync("abc1234", Ct)).Verdict);
    }

    private static FixedRunner Answer(StepVerdict verdict, string jobResult) => new(new StepResult(verdict,
    [
        new StepNode("c1", "checkout", "done", "pass"),
        new StepNode("k1", "kbuild-gcc-x86", "done", "pass"),
        new StepNode("j1", "baseline-x86", "done", jobResult),
    ], "baseline-x86: " + jobResult));

    private sealed class FixedRunner(StepResult result) : IBisectStepRunner
    {
        public Task<StepResult> RunAsync(string commit, CancellationToken cancellationToken) => Task.FromResult(result);
    }
}
