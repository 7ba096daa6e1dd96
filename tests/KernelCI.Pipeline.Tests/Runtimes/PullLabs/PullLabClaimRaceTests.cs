using KernelCI.Data;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests.Runtimes.PullLabs;

public sealed class PullLabClaimRaceTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Two_workers_claiming_one_job_at_once_get_one_job_and_one_conflict(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        await using var host = await PullHost.StartAsync(stack);
        var node = await host.QueueAsync();

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => host.ClaimAsync(node.Id!))));

        Assert.Equal([200, 409, 409, 409], claims.Select(c => c.Status).Order());
    }
}
