using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Git;
using KernelCI.Pipeline.Services.Trigger;
using KernelCI.Pipeline.Tests.Git;
using KernelCI.Pipeline.Tests.Runtimes.Lava;
using KernelCI.Pipeline.Tests.Services.Nipa;
using KernelCI.Pipeline.Tests.Stack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static KernelCI.Pipeline.Tests.Services.Nipa.NipaBranchServer;
using static KernelCI.Pipeline.Tests.Services.Trigger.TriggerFixture;

namespace KernelCI.Pipeline.Tests.Services.Trigger;

/// <summary>The trigger following a NIPA branch list (docs/integrations.md, "NIPA"): a loopback server serves the list,
/// a local git repository stands for linux-netdev/testing.git.</summary>
public sealed class NipaBranchTests
{
    private const string Old = "net-next-2026-12-05--12-00";
    private const string New = "net-next-2026-12-05--15-00";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_dated_branches_give_exactly_one_checkout_of_the_newest()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await NetdevAsync();
        var newest = (await repository.RunAsync("rev-parse", New)).Trim();
        await using var nipa = await StartAsync($"[{Entry(New, "2026-12-05T15:00:02.918266+00:00", repository.Url)},"
            + $"{Entry(Old, "2026-12-05T12:00:03.201881+00:00", repository.Url)}]");
        var trigger = NewTrigger(stack, TreesConfig(("netdev-testing", repository.Url, nipa.Url, null)));

        await trigger.PollAsync(Token);
        await trigger.PollAsync(Token);

        var checkout = Assert.Single(await CheckoutsAsync(stack));
        Assert.Equal(New, checkout.Data["kernel_revision"]!["branch"]!.ToString());
        Assert.Equal(newest, checkout.Data["kernel_revision"]!["commit"]!.ToString());
        Assert.Equal(repository.Url, checkout.Data["kernel_revision"]!["url"]!.ToString());
    }

    [Fact]
    public async Task A_newer_branch_on_the_same_commit_gives_no_second_checkout()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await NetdevAsync();
        await using var nipa = await StartAsync($"[{Entry(New, "2026-12-05T15:00:00+00:00", repository.Url)}]");
        var trigger = NewTrigger(stack, TreesConfig(("netdev-testing", repository.Url, nipa.Url, null)));
        Assert.Single(await trigger.PollAsync(Token));

        const string Newer = "net-next-2026-12-05--18-00";
        await repository.RunAsync("branch", Newer, New);
        nipa.Body = $"[{Entry(New, "2026-12-05T15:00:00+00:00", repository.Url)},{Entry(Newer, "2026-12-05T18:00:00+00:00", repository.Url)}]";

        Assert.Empty(await trigger.PollAsync(Token));
        Assert.Single(await CheckoutsAsync(stack));
    }

    [Fact]
    public async Task A_newer_branch_on_a_new_commit_gives_a_second_checkout()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await NetdevAsync();
        await using var nipa = await StartAsync($"[{Entry(New, "2026-12-05T15:00:00+00:00", repository.Url)}]");
        var trigger = NewTrigger(stack, TreesConfig(("netdev-testing", repository.Url, nipa.Url, null)));
        Assert.Single(await trigger.PollAsync(Token));

        const string Newer = "net-next-2026-12-05--18-00";
        await repository.RunAsync("checkout", "--quiet", "-b", Newer, New);
        await repository.CommitAsync("next", ("c", "c\n"));
        nipa.Body = $"[{Entry(New, "2026-12-05T15:00:00+00:00", repository.Url)},{Entry(Newer, "2026-12-05T18:00:00+00:00", repository.Url)}]";

        var created = Assert.Single(await trigger.PollAsync(Token));
        Assert.Equal(Newer, created.Data["kernel_revision"]!["branch"]!.ToString());
    }

    [Fact]
    public async Task A_malformed_list_is_logged_and_skipped_and_other_trees_still_poll()
    {
        string[] malformed =
        [
            "not json at all",
            """{"branch": "net-next-2026-12-05--15-00"}""",
            """[{"branch": "net-next-2026-12-05--15-00"}]""",
            """[{"branch": "--upload-pack=touch x", "date": "2026-12-05T15:00:00+00:00"}]""",
        ];
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await NetdevAsync();
        await using var nipa = await StartAsync("[]");
        var logs = new CapturedLogs();
        var trigger = stack.Services(TreesConfig(("netdev-testing", repository.Url, nipa.Url, null), ("local", repository.Url, New, null)), services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton(new TriggerOptions { Force = true });
            services.AddSingleton(new GitRunner());
            services.AddSingleton(new NipaBranches(new HttpClient()));
            services.AddSingleton<CheckoutTrigger>();
        }).GetRequiredService<CheckoutTrigger>();

        foreach (var body in malformed)
        {
            nipa.Body = body;
            logs.Lines.Clear();

            // Forced, so that the other tree makes a checkout on every poll.
            var created = Assert.Single(await trigger.PollAsync(Token));

            Assert.Equal("local", created.Data["kernel_revision"]!["tree"]!.ToString());
            Assert.Contains(logs.Lines, l => l.Contains("netdev-testing", StringComparison.Ordinal) && l.Contains("branch list is unusable", StringComparison.Ordinal)
                && l.Contains(nipa.Url, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_unreachable_list_is_logged_and_skipped()
    {
        await using var stack = await PipelineTestStack.StartAsync();
        using var repository = await NetdevAsync();
        var logs = new CapturedLogs();
        var dead = $"http://127.0.0.1:{KernelCI.Testing.FreePort.BasePort()}/branches.json";
        var trigger = stack.Services(TreesConfig(("netdev-testing", repository.Url, dead, null)), services =>
        {
            services.AddSingleton<ILoggerProvider>(logs);
            services.AddSingleton(new TriggerOptions());
            services.AddSingleton(new GitRunner());
            services.AddSingleton(new NipaBranches(new HttpClient()));
            services.AddSingleton<CheckoutTrigger>();
        }).GetRequiredService<CheckoutTrigger>();

        Assert.Empty(await trigger.PollAsync(Token));
        Assert.Contains(logs.Lines, l => l.Contains("branch list is unusable", StringComparison.Ordinal) && l.Contains(dead, StringComparison.Ordinal));
    }

    /// <summary>linux-netdev/testing.git in small: two NIPA branches, the newer one a commit ahead.</summary>
    private static async Task<TestRepository> NetdevAsync()
    {
        var repository = await TestRepository.CreateAsync(Old);
        await repository.CommitAsync("old", ("a", "a\n"));
        await repository.RunAsync("checkout", "--quiet", "-b", New);
        await repository.CommitAsync("new", ("b", "b\n"));
        return repository;
    }
}
