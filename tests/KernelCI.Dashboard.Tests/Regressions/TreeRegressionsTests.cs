using KernelCI.Dashboard.Regressions;

namespace KernelCI.Dashboard.Tests.Regressions;

public sealed class TreeRegressionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void A_regression_is_listed_under_platform_config_arch_compiler_and_path()
    {
        var result = TreeRegressions.Evaluate([Run("t2", "a.b", "FAIL", 2), Run("t1", "a.b", "PASS", 1)]);

        var runs = result.PossibleRegressions["qemu"]["defconfig"]["x86_64/gcc"]["a.b"];
        Assert.Equal(["t2", "t1"], runs.Select(r => r.Id));
        Assert.Equal("2026-01-02T05:04:05Z", runs[0].StartTime);
        Assert.Equal("FAIL", runs[0].Status);
        Assert.Empty(result.FixedRegressions);
        Assert.Empty(result.UnstableTests);
    }

    [Fact]
    public void A_fix_is_listed_as_fixed() =>
        Assert.True(TreeRegressions.Evaluate([Run("t2", "p", "PASS", 2), Run("t1", "p", "FAIL", 1)]).FixedRegressions.ContainsKey("qemu"));

    [Fact]
    public void A_flip_back_is_listed_as_unstable() =>
        Assert.True(TreeRegressions.Evaluate([Run("t3", "p", "PASS", 3), Run("t2", "p", "FAIL", 2), Run("t1", "p", "PASS", 1)])
            .UnstableTests.ContainsKey("qemu"));

    [Fact]
    public void An_inconclusive_newest_run_is_listed_as_unstable() =>
        Assert.True(TreeRegressions.Evaluate([Run("t2", "p", "SKIP", 2), Run("t1", "p", "PASS", 1)]).UnstableTests.ContainsKey("qemu"));

    [Fact]
    public void Histories_of_one_status_are_left_out()
    {
        var result = TreeRegressions.Evaluate([Run("t2", "p", "FAIL", 2), Run("t1", "p", "FAIL", 1), Run("t3", "q", null, 1)]);

        Assert.Empty(result.PossibleRegressions);
        Assert.Empty(result.FixedRegressions);
        Assert.Empty(result.UnstableTests);
    }

    [Fact]
    public void Runs_on_other_platforms_are_other_histories()
    {
        var result = TreeRegressions.Evaluate([Run("t2", "p", "FAIL", 2), Run("t1", "p", "PASS", 1, platform: "rpi4")]);

        Assert.Empty(result.PossibleRegressions);
    }

    [Fact]
    public void Missing_dimensions_are_keyed_as_upstream_prints_them()
    {
        var result = TreeRegressions.Evaluate([
            new TestRun("t2", "p", "FAIL", Start, "qemu", null, null, "gcc", "h"),
            new TestRun("t1", "p", "PASS", Start, "qemu", null, null, "gcc", "h"),
        ]);

        Assert.True(result.PossibleRegressions["qemu"]["null"].ContainsKey("None/gcc"));
    }

    private static TestRun Run(string id, string path, string? status, int hours, string platform = "qemu") =>
        new(id, path, status, Start.AddHours(hours), platform, "defconfig", "x86_64", "gcc", "hash");
}
