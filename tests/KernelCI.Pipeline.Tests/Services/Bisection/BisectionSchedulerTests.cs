using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.Pipeline.Tests.Services.Bisection;

/// <summary>The automatic bisection of regressions (docs/regressions.md, "Automatic bisection") with a fake step runner
/// on a real git tree and Maestro.</summary>
public sealed class BisectionSchedulerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Open_regression_is_bisected_to_its_culprit_in_a_bisection_node()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);
        await bed.Scheduler.Active[regression.Id].WaitAsync(TimeSpan.FromMinutes(2), Ct);

        var bisection = await bed.BisectionNodeAsync(node.Id!);
        Assert.Equal(("done", "pass"), (bisection!.State, bisection.Result));
        Assert.Equal(bed.Commits[BisectionTestBed.CulpritIndex], bisection.Data["result"]!["first_bad"]!["commit"]!.ToString());
        Assert.Equal("init: break it", bisection.Data["result"]!["first_bad"]!["subject"]!.ToString());
        Assert.Equal(bed.Runner.Tested.Distinct().Count(), bisection.Data["bisect"]!["steps"]!.AsArray().Count);
    }

    [Fact]
    public async Task Step_plan_runs_the_regressions_own_kbuild_job_platform_and_test()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);
        await bed.Scheduler.Active[regression.Id].WaitAsync(TimeSpan.FromMinutes(2), Ct);

        var plan = bed.Runner.Plan!;
        Assert.Equal(["kbuild-gcc-x86", "baseline-x86"], plan.JobFilter);
        Assert.Equal(["qemu-x86_64"], plan.PlatformFilter);
        Assert.Equal("login", plan.Test);
    }

    [Fact]
    public async Task Bad_step_is_run_once_more_to_confirm_it()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);
        await bed.Scheduler.Active[regression.Id].WaitAsync(TimeSpan.FromMinutes(2), Ct);

        Assert.All(bed.Runner.Tested.Where(bed.Runner.IsBad).GroupBy(c => c), g => Assert.Equal(2, g.Count()));
    }

    [Fact]
    public async Task Flaky_series_is_not_bisected()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync(flaky: true);

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);

        Assert.Empty(bed.Scheduler.Active);
        Assert.Null(await bed.BisectionNodeAsync(node.Id!));
    }

    [Fact]
    public async Task Tree_outside_the_trees_configuration_is_not_bisected()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync(tree: "elsewhere");

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);

        Assert.Empty(bed.Scheduler.Active);
    }

    [Fact]
    public async Task Regression_already_bisected_is_not_bisected_again()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();
        await bed.Scheduler.ConsiderAsync(regression, node, Ct);
        await bed.Scheduler.Active[regression.Id].WaitAsync(TimeSpan.FromMinutes(2), Ct);
        var tested = bed.Runner.Tested.Count;

        await bed.Scheduler.ConsiderAsync(regression, node, Ct);

        Assert.Empty(bed.Scheduler.Active);
        Assert.Equal(tested, bed.Runner.Tested.Count);
    }

    [Fact]
    public async Task Bisection_node_set_done_by_a_user_stops_the_bisection()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        bed.Runner.Block = new TaskCompletionSource();
        var (regression, node) = await bed.OpenRegressionAsync();
        await bed.Scheduler.ConsiderAsync(regression, node, Ct);
        await bed.Runner.Started.Task.WaitAsync(TimeSpan.FromMinutes(2), Ct);
        var bisection = await bed.BisectionNodeAsync(node.Id!);

        await bed.Maestro.PatchNodeAsync(bisection!.Id!, new JsonObject { ["state"] = "done", ["result"] = "incomplete" }, cancellationToken: Ct);
        await bed.Scheduler.HandleEventAsync(new MaestroEvent(1, "node", null,
            new JsonObject { ["op"] = "updated", ["id"] = bisection.Id, ["kind"] = "process", ["state"] = "done" }, "{}"), Ct);
        await bed.Scheduler.Active.GetValueOrDefault(regression.Id, Task.CompletedTask).WaitAsync(TimeSpan.FromMinutes(1), Ct);

        Assert.Single(bed.Runner.Tested);
        Assert.Equal("incomplete", (await bed.Maestro.GetNodeAsync(bisection.Id!, Ct))!.Result);
    }
}
