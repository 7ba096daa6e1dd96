using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.Pipeline.Tests.Config;
using KernelCI.Pipeline.Tests.Services.Scheduler;

namespace KernelCI.Pipeline.Tests.Api;

/// <summary>kci-dev testretry against the pipeline API and a running scheduler (fake labs): a retry must run the job
/// again as a new node that kci-dev's watch finds by the tree's treeid.</summary>
public sealed class JobRetryRunTests
{
    [Fact]
    public async Task Job_retry_of_a_finished_job_runs_it_again_as_a_new_node_with_the_next_retry_counter()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(harness.Stack, Config());
        var (kbuild, job) = await FinishedJobAsync(harness);

        var (status, _) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = job.Id }, api.Token("testretry"));
        var request = (await harness.Runtimes.NextAsync()).Single();

        Assert.Equal(200, status);
        var rerun = (await harness.Maestro.GetNodeAsync(request.Node.Id!))!;
        Assert.NotEqual(job.Id, rerun.Id);
        Assert.Equal(("job", "baseline-x86", "running", 1), (rerun.Kind, rerun.Name, rerun.State, rerun.RetryCounter));
        Assert.Equal((kbuild.Id, kbuild.Treeid, job.Data["platform"]!.ToString()), (rerun.Parent, rerun.Treeid, rerun.Data["platform"]!.ToString()));
        var watched = await harness.Maestro.GetNodesFastAsync(new NodeFilter().Where("treeid", kbuild.Treeid).Where("name", "baseline-x86"));
        Assert.Equal(3, watched.Count);
    }

    [Fact]
    public async Task Second_job_retry_of_the_same_job_runs_it_once_more()
    {
        await using var harness = await SchedulerHarness.StartAsync();
        await using var api = await PipelineApiHost.StartAsync(harness.Stack, Config());
        var (_, job) = await FinishedJobAsync(harness);
        await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = job.Id }, api.Token("testretry"));
        await harness.Runtimes.NextAsync();

        var (status, _) = await api.PostAsync("api/jobretry", new JsonObject { ["nodeid"] = job.Id }, api.Token("testretry"));
        var request = (await harness.Runtimes.NextAsync()).Single();

        Assert.Equal(200, status);
        Assert.Equal(2, request.Node.RetryCounter);
    }

    /// <summary>A kbuild that passed (running → done/pass, as the shell runtime leaves it) and one of its two boot jobs
    /// finished done/pass.</summary>
    private static async Task<(MaestroNode Kbuild, MaestroNode Job)> FinishedJobAsync(SchedulerHarness harness)
    {
        var checkout = await harness.AvailableCheckoutAsync();
        await harness.Runtimes.NextAsync();
        var kbuild = await harness.PassedKbuildAsync(checkout, state: "done");
        var jobs = await harness.Runtimes.NextAsync(2);
        var job = await harness.Maestro.PatchNodeAsync(jobs[0].Node.Id!, new JsonObject { ["state"] = "done", ["result"] = "pass" });
        return (kbuild, job);
    }

    private static PipelineConfig Config()
    {
        using var dir = new ConfigDirectory(("config.yaml", SchedulerConfigs.Base));
        return PipelineConfigLoader.Load(dir.Path);
    }
}
