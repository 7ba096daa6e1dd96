using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Testing;

namespace KernelCI.Pipeline.Tests;

public sealed class StackTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task Embedded_credentials_reach_every_component(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);

        var node = await stack.Maestro.CreateNodeAsync(new MaestroNode { Kind = "checkout", Name = "checkout", Path = ["checkout"] });
        Assert.Equal("pipeline", node.Owner);
        Assert.Equal("pipeline@kernelci.local", await stack.Storage.CheckAuthAsync());
        var reply = await stack.Kcidb.SubmitAsync(new MemoryStream("""{"version":{"major":5,"minor":3}}"""u8.ToArray()));
        Assert.Equal("ok", reply.Status);
    }
}
