using KernelCI.Pipeline.Services.Bisection;
using KernelCI.Pipeline.Services.SendKcidb;

namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

public sealed class NodeRulesTests
{
    /// <summary>kci-dev testretry can run a job a fourth or fifth time (docs/pipeline/api.md); job-retry never retries
    /// those, so holding them back "to be retried" would keep them out of KCIDB for good.</summary>
    [Theory]
    [InlineData("baseline-x86", "incomplete", 4)]
    [InlineData("baseline-x86", "fail", 5)]
    [InlineData("kselftest-dt", "incomplete", 4)]
    public void Run_past_the_automatic_retries_is_sent(string name, string result, int retry) =>
        Assert.Null(NodeRules.SkipReason(BridgeNodes.Job(name, result, retry: retry)));

    /// <summary>The bisection decides a step on its first result; job-retry does not retry it, so holding the failed
    /// boot back would keep the step out of KCIDB.</summary>
    [Fact]
    public void Failed_baseline_of_a_bisection_step_is_sent() =>
        Assert.Null(NodeRules.SkipReason(BridgeNodes.Job("baseline-x86", "fail") with { Debug = BisectionStepMark.Mark("maestro:r1") }));

    [Fact]
    public void Failed_baseline_of_a_branch_checkout_waits_for_its_retries() =>
        Assert.Equal("failed baseline, will be retried", NodeRules.SkipReason(BridgeNodes.Job("baseline-x86", "fail")));
}
