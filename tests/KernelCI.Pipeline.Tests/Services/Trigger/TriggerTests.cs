using KernelCI.Client.Maestro;
using KernelCI.Data;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Stack;
using KernelCI.Pipeline.Services.Trigger;
using KernelCI.Testing;
using static KernelCI.Pipeline.Tests.Services.Trigger.TriggerFixture;

namespace KernelCI.Pipeline.Tests.Services.Trigger;

public sealed class TriggerTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Kinds), MemberType = typeof(TestDatabase))]
    public async Task New_commit_creates_one_checkout_and_a_pushed_commit_a_second(DatabaseKind kind)
    {
        await using var stack = await PipelineTestStack.StartAsync(kind);
        using var repository = await TestRepository.CreateAsync();
        var first = await repository.CommitAsync("first", ("Makefile", "all:\n"));
        var trigger = NewTrigger(stack, TreesConfig(("local", repository.Url, "main", null)));

        await trigger.PollAsync(TestContext.Current.CancellationToken);
        await trigger.PollAsync(TestContext.Current.CancellationToken);
        var second = await repository.CommitAsync("second", ("README", "hello\n"));
        await trigger.PollAsync(TestContext.Current.CancellationToken);

        var checkouts = await CheckoutsAsync(stack);
        Assert.Equal([first, second], checkouts.Select(c => c.Data["kernel_revision"]!["commit"]!.ToString()));
        var node = checkouts[0];
        Assert.Equal(("checkout", "running", "service:pipeline"), (node.Name, node.State, node.Submitter));
        Assert.Equal(["checkout"], node.Path);
        Assert.Equal("local", node.Data["kernel_revision"]!["tree"]!.ToString());
        Assert.Equal(repository.Url, node.Data["kernel_revision"]!["url"]!.ToString());
        Assert.Equal("main", node.Data["kernel_revision"]!["branch"]!.ToString());
        Assert.Equal(64, node.Treeid!.Length);
        Assert.InRange(node.Timeout!.Value - node.Created!.Value, TimeSpan.FromMinutes(179), TimeSpan.FromMinutes(181));
    }

    [Fact]
    public async Task Plain_path_repository_is_polled_like_a_file_url()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", "all:\n"));

        await NewTrigger(stack, TreesConfig(("local", repository.Directory, "main", null))).PollAsync(TestContext.Current.CancellationToken);

        Assert.Single(await CheckoutsAsync(stack));
    }

    [Fact]
    public async Task Force_creates_a_checkout_for_a_commit_already_checked_out()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", "all:\n"));
        var config = TreesConfig(("local", repository.Url, "main", TimeSpan.FromHours(1)));
        await NewTrigger(stack, config).PollAsync(TestContext.Current.CancellationToken);

        await NewTrigger(stack, config, new TriggerOptions { Force = true }).PollAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, (await CheckoutsAsync(stack)).Count);
    }

    [Fact]
    public async Task New_commit_inside_the_frequency_window_waits()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", "all:\n"));
        var trigger = NewTrigger(stack, TreesConfig(("local", repository.Url, "main", TimeSpan.FromHours(1))));
        await trigger.PollAsync(TestContext.Current.CancellationToken);

        await repository.CommitAsync("second", ("README", "hello\n"));
        var created = await trigger.PollAsync(TestContext.Current.CancellationToken);

        Assert.Empty(created);
        Assert.Single(await CheckoutsAsync(stack));
    }

    [Fact]
    public async Task Commit_with_three_incomplete_checkouts_is_given_up_but_fewer_are_retried()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", "all:\n"));
        var trigger = NewTrigger(stack, TreesConfig(("local", repository.Url, "main", null)));

        for (var attempt = 0; attempt < 5; attempt++)
        {
            foreach (var node in await trigger.PollAsync(TestContext.Current.CancellationToken))
            {
                await stack.Maestro.PatchNodeAsync(node.Id!, new() { ["state"] = "done", ["result"] = "incomplete" });
            }
        }

        Assert.Equal(3, (await CheckoutsAsync(stack)).Count);
    }

    [Fact]
    public async Task Trees_option_includes_or_excludes_trees()
    {
        using var a = await TestRepository.CreateAsync();
        using var b = await TestRepository.CreateAsync();
        await a.CommitAsync("a", ("a", "a\n"));
        await b.CommitAsync("b", ("b", "b\n"));
        var config = TreesConfig(("tree-a", a.Url, "main", null), ("tree-b", b.Url, "main", null));

        await using (var included = await PipelineTestStack.StartAsync(configure: o => o with { Trees = "tree-b" }))
        {
            await NewTrigger(included, config).PollAsync(TestContext.Current.CancellationToken);
            Assert.Equal(["tree-b"], (await CheckoutsAsync(included)).Select(Tree));
        }

        await using var excluded = await PipelineTestStack.StartAsync(configure: o => o with { Trees = "!tree-b" });
        await NewTrigger(excluded, config).PollAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["tree-a"], (await CheckoutsAsync(excluded)).Select(Tree));
    }

    [Fact]
    public async Task Missing_branch_creates_nothing_and_other_trees_still_poll()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await TestRepository.CreateAsync();
        await repository.CommitAsync("first", ("Makefile", "all:\n"));
        var config = TreesConfig(("gone", "file:///nonexistent/repo", "main", null), ("local", repository.Url, "main", null));

        await NewTrigger(stack, config).PollAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["local"], (await CheckoutsAsync(stack)).Select(Tree));
    }

    private static string Tree(MaestroNode node) => node.Data["kernel_revision"]!["tree"]!.ToString();
}
