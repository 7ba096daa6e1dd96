using KernelCI.Pipeline.Git;

namespace KernelCI.Pipeline.Tests.Git;

public sealed class GitRunnerTests
{
    [Fact]
    public async Task Failing_git_command_reports_its_arguments_and_stderr()
    {
        using var repository = await TestRepository.CreateAsync();

        var error = await Assert.ThrowsAsync<GitException>(() => new GitRunner().RunAsync(repository.Directory, "rev-parse", "--verify", "no-such-ref"));

        Assert.Contains("rev-parse --verify no-such-ref", error.Message);
        Assert.NotEqual(0, error.ExitCode);
    }

    [Fact]
    public async Task Streamed_output_is_read_whole()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("one", ("a.txt", new string('x', 200_000)));
        using var buffer = new MemoryStream();

        await new GitRunner().StreamAsync(repository.Directory, ["cat-file", "blob", commit + ":a.txt"], (s, ct) => s.CopyToAsync(buffer, ct),
            TestContext.Current.CancellationToken);

        Assert.Equal(200_000, buffer.Length);
    }
}
