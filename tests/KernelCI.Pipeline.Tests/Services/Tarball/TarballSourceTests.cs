using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using static KernelCI.Pipeline.Tests.Services.Tarball.TarballFixture;

namespace KernelCI.Pipeline.Tests.Services.Tarball;

/// <summary>Which checkouts the tarball service fetches, whoever created the node, and what a failure tells the
/// public.</summary>
public sealed class TarballSourceTests
{
    /// <summary>Before, a node any Maestro account created with a file:// URL had that repository published.</summary>
    [Fact]
    public async Task Local_repository_that_is_not_a_configured_tree_fails_and_nothing_is_published()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));

        var node = await CheckOutAsync(stack, repository.Url, commit, configured: false);

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Equal("git_checkout_failure", node.Data["error_code"]!.ToString());
        Assert.StartsWith("data.kernel_revision.url:", node.Data["error_msg"]!.ToString(), StringComparison.Ordinal);
        Assert.False(node.Artifacts.ContainsKey("tarball"));
        var cache = Path.Combine(stack.Options.WorkDirectory!, "git");
        Assert.False(Directory.Exists(cache) && Directory.EnumerateFileSystemEntries(cache).Any());
    }

    [Fact]
    public async Task Configured_local_tree_is_still_published()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));

        var node = await CheckOutAsync(stack, repository.Url, commit, configured: true);

        Assert.Equal(("available", "pass"), (node.State, node.Result));
    }

    [Fact]
    public async Task Failure_message_holds_neither_git_output_nor_local_paths()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", Makefile));

        var node = await CheckOutAsync(stack, repository.Url, new string('d', 40));

        var message = node.Data["error_msg"]!.ToString();
        Assert.Equal($"cannot fetch commit {new string('d', 40)} of branch main", message);
        Assert.DoesNotContain(stack.DataDirectory, message, StringComparison.Ordinal);
        Assert.DoesNotContain(repository.Directory, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_too_long_for_a_file_name_fails_the_checkout()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        var commit = await repository.CommitAsync("first", ("Makefile", Makefile));
        await repository.TagAsync(string.Join('/', Enumerable.Repeat(new string('t', 100), 3)));

        var node = await CheckOutAsync(stack, repository.Url, commit);

        Assert.Equal(("done", "fail"), (node.State, node.Result));
        Assert.Equal("git_commit_error", node.Data["error_code"]!.ToString());
    }
}
