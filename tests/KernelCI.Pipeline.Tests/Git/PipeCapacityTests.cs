using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tests.Git;

public sealed class PipeCapacityTests
{
    [Fact]
    public async Task Child_stdout_streamed_by_the_runner_has_a_one_mebibyte_pipe()
    {
        var size = 0;

        await GitRunner.StreamProgramAsync("git", null, ["--version"], (stdout, ct) =>
        {
            size = PipeCapacity.Size(stdout);
            return stdout.CopyToAsync(Stream.Null, ct);
        }, TestContext.Current.CancellationToken);

        Assert.Equal(1 << 20, size);
    }
}
