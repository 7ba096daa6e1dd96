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

    /// <summary>GIT_ALLOW_PROTOCOL: a runner fetches over https only unless told otherwise, so that neither a URL nor a
    /// submodule or redirect reaches a local repository.</summary>
    [Fact]
    public async Task Runner_refuses_local_repositories_unless_the_file_transport_is_allowed()
    {
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("one", ("a.txt", "x\n"));

        foreach (var url in new[] { repository.Url, repository.Directory })
        {
            var error = await Assert.ThrowsAsync<GitException>(() => new GitRunner().RunAsync(null, "ls-remote", url));
            Assert.Contains("not allowed", error.Message, StringComparison.Ordinal);
        }

        Assert.Contains(commit, await new GitRunner().WithProtocols("https:file").RunAsync(null, "ls-remote", repository.Url));
    }
}
