using System.Text.Json.Nodes;
using KernelCI.Client.Bisection;
using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using KernelCI.Client.Watching;
using KernelCI.KciDev.Tests.Pipeline;
using KernelCI.KciDev.Tests.Watching;

namespace KernelCI.KciDev.Tests.Bisect;

/// <summary>The production step runner against a real pipeline API and Maestro: the checkout it asks for, and the
/// verdict the tree's nodes (written here as the pipeline would) give.</summary>
public sealed class PipelineStepRunnerTests(PipelineServersFixture fixture) : IClassFixture<PipelineServersFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_asks_for_the_commit_with_the_job_and_platform_filters()
    {
        var commit = NewCommit();
        var (step, tree) = await StartAsync(commit);

        var checkout = tree.Checkout;
        await tree.FinishAsync("pass", "pass", "pass");
        await step;

        Assert.Equal(commit, checkout.Data["kernel_revision"]!["commit"]!.ToString());
        Assert.Equal(PipelineServers.TreeUrl, checkout.Data["kernel_revision"]!["url"]!.ToString());
        Assert.Equal([SampleTree.Kbuild, SampleTree.Job], checkout.Jobfilter);
        Assert.Equal(["qemu-x86_64"], checkout.PlatformFilter);
    }

    [Fact]
    public async Task Passing_test_is_good_with_every_node_and_its_log_as_evidence()
    {
        var (step, tree) = await StartAsync(NewCommit());

        await tree.FinishAsync("pass", "pass", "pass");
        var result = await step;

        Assert.Equal(StepVerdict.Good, result.Verdict);
        Assert.Equal(["checkout", SampleTree.Kbuild, SampleTree.Job, SampleTree.Test], result.Nodes.Select(n => n.Name));
        Assert.Equal(tree.Checkout.Id, result.Nodes[0].Id);
        Assert.Equal("http://storage.test/build.log", result.Nodes[1].LogUrl);
        Assert.Equal(("done", "pass", "http://storage.test/serial.log"), (result.Nodes[2].State, result.Nodes[2].Result, result.Nodes[2].LogUrl));
    }

    [Fact]
    public async Task Failing_test_is_bad()
    {
        var (step, tree) = await StartAsync(NewCommit());

        await tree.FinishAsync("pass", "fail", "fail");
        var result = await step;

        Assert.Equal((StepVerdict.Bad, $"{SampleTree.Test}: fail"), (result.Verdict, result.Note));
    }

    [Fact]
    public async Task Failed_build_is_skip()
    {
        var (step, tree) = await StartAsync(NewCommit());

        await tree.FinishAsync("incomplete", null, null);
        var result = await step;

        Assert.Equal(StepVerdict.Skip, result.Verdict);
        Assert.Equal($"{SampleTree.Kbuild} ended done/incomplete before the test ran", result.Note);
    }

    [Fact]
    public async Task Refused_token_is_thrown_as_the_pipelines_error_not_as_transient()
    {
        var runner = Runner("not-a-token", new RecordedProgress());

        var error = await Assert.ThrowsAsync<PipelineClientException>(() => runner.RunAsync(NewCommit(), Ct));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    private async Task<(Task<StepResult> Step, StepTree Tree)> StartAsync(string commit)
    {
        var progress = new RecordedProgress();
        var step = Runner(fixture.Servers.Token("checkout"), progress).RunAsync(commit, Ct).WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await progress.WaitForAsync(WatchUpdateKind.Connected);
        var treeId = progress.Updates.First(u => u.Kind == WatchUpdateKind.Connected).Detail!;
        var maestro = fixture.Servers.Maestro;
        var checkout = (await maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", treeId).Where("kind", "checkout"), Ct)).Single();
        return (step, new StepTree(maestro, checkout));
    }

    private PipelineStepRunner Runner(string token, IProgress<WatchUpdate> progress)
    {
        var servers = fixture.Servers;
        var pipeline = new PipelineClient(new HttpClient { BaseAddress = servers.Pipeline }, token);
        var maestro = new MaestroClient(new HttpClient { BaseAddress = new Uri(servers.Api, "latest/"), Timeout = Timeout.InfiniteTimeSpan });
        return new PipelineStepRunner(pipeline, maestro, new NodeWatcher(maestro, TimeProvider.System),
            new PipelineStepRequest(PipelineServers.TreeUrl, "main", [SampleTree.Kbuild, SampleTree.Job], ["qemu-x86_64"], SampleTree.Test), progress);
    }

    private static string NewCommit() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + "00000000";

    /// <summary>The pipeline's work on the checkout the runner asked for: its build, its boot job and the test.</summary>
    private sealed class StepTree(MaestroClient maestro, MaestroNode checkout)
    {
        public MaestroNode Checkout => checkout;

        public async Task FinishAsync(string build, string? job, string? test)
        {
            await maestro.PatchNodeAsync(checkout.Id!, new JsonObject { ["state"] = "available" }, cancellationToken: Ct);
            var kbuild = await maestro.CreateNodeAsync(Child(checkout, "kbuild", SampleTree.Kbuild, "done", build, "build_log", "http://storage.test/build.log"), Ct);
            if (job is null)
            {
                return;
            }

            var boot = await maestro.CreateNodeAsync(Child(kbuild, "job", SampleTree.Job, "running", null, null, null), Ct);
            await maestro.PutTreeAsync(boot.Id!, new NodeTree(boot with
            {
                State = "done", Result = job, Artifacts = new Dictionary<string, string> { ["lava_log"] = "http://storage.test/serial.log" },
            }, test is null ? [] : [new NodeTree(Child(boot, "test", SampleTree.Test, "done", test, null, null), [])]), Ct);
        }

        private static MaestroNode Child(MaestroNode parent, string kind, string name, string state, string? result, string? artifact, string? url) => new()
        {
            Kind = kind,
            Name = name,
            Parent = parent.Id,
            Path = [.. parent.Path, name],
            State = state,
            Result = result,
            Treeid = parent.Treeid,
            Data = parent.Data.DeepClone().AsObject(),
            Artifacts = artifact is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [artifact] = url! },
        };
    }
}
