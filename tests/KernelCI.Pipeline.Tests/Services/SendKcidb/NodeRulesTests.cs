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
}
