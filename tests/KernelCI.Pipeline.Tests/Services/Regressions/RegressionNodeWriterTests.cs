using KernelCI.Client.Kcidb.Regressions;
using KernelCI.Pipeline.Tests.Services.Bisection;

namespace KernelCI.Pipeline.Tests.Services.Regressions;

/// <summary>KCIDB regressions as Maestro `regression` nodes (docs/regressions.md, "Regression nodes").</summary>
public sealed class RegressionNodeWriterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Own_regression_links_its_failing_and_passing_nodes()
    {
        await using var bed = await BisectionTestBed.CreateAsync();

        var (regression, node) = await bed.OpenRegressionAsync();

        Assert.Equal(("regression", "fail", "login"), (node.Kind, node.Result, node.Name));
        Assert.Equal(regression.FirstBadResult, bed.Stack.Options.Origin + ":" + node.Data["fail_node"]);
        Assert.Equal(BisectionTestBed.PassNode, (string?)node.Data["pass_node"]);
        Assert.Equal("qemu-x86_64", (string?)node.Data["platform"]);
    }

    [Fact]
    public async Task Other_origins_regression_keeps_its_kcidb_ids_in_data()
    {
        await using var bed = await BisectionTestBed.CreateAsync();

        var (regression, node) = await bed.OpenRegressionAsync(origin: "acme");

        Assert.Null(node.Data["fail_node"]);
        Assert.Empty(node.Data["node_sequence"]!.AsArray());
        Assert.Equal(regression.FirstBadResult, (string?)node.Data["kcidb"]!["first_bad_result"]);
    }

    [Fact]
    public async Task Same_change_applied_twice_writes_one_node()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        var again = await bed.Writer.ApplyAsync(new KcidbRegressionChange(2, regression.Id, regression), Ct);

        Assert.Equal(node.Id, again!.Id);
        Assert.Single(await bed.Maestro.GetNodesFastAsync(new Client.Maestro.NodeFilter().Where("kind", "regression")));
    }

    [Fact]
    public async Task Fixed_regression_becomes_inactive()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        var updated = await bed.Writer.ApplyAsync(new KcidbRegressionChange(2, regression.Id, regression with { State = "fixed", FixedByCommit = "f1" }), Ct);

        Assert.Equal((node.Id, "pass"), (updated!.Id, updated.Result));
    }

    [Fact]
    public async Task Removed_regression_becomes_inactive()
    {
        await using var bed = await BisectionTestBed.CreateAsync();
        var (regression, node) = await bed.OpenRegressionAsync();

        var updated = await bed.Writer.ApplyAsync(new KcidbRegressionChange(2, regression.Id, null), Ct);

        Assert.Equal(("pass", "removed"), (updated!.Result, (string?)updated.Data["kcidb"]!["state"]));
    }
}
