using System.Text.Json.Nodes;
using KernelCI.Client.Maestro;

namespace KernelCI.EndToEnd.Tests.Regressions;

/// <summary>Issue 20 item 6 on a real kernel (<see cref="RegressionRun"/>): a push with a panic and a smoke test
/// failure opens regressions, the pipeline bisects them by itself to the exact commits, and reverting the culprits fixes
/// them.</summary>
public sealed class RegressionEndToEndTests(RegressionRun run, ITestOutputHelper log) : IClassFixture<RegressionRun>
{
    private const string Author = "KernelCI Test <test@kernelci.local>";

    [Fact]
    public void Boot_failure_opens_a_regression_from_the_old_head_to_the_pushed_head()
    {
        var opened = run.Boot.Opened;
        Assert.Equal(("open", "test", "boot", "maestro", "local", "main"), (Text(opened, "state"), Text(opened, "kind"), Text(opened, "path"),
            Text(opened, "origin"), Text(opened, "tree_name"), Text(opened, "git_repository_branch")));
        Assert.Equal((run.Good, run.Commits[^1]), (Text(opened, "last_good_commit"), Text(opened, "first_bad_commit")));
        Assert.Equal(("done", "fail"), (run.Boot.NodeOpened.State, run.Boot.NodeOpened.Result));
        Assert.Equal(run.Commits[^1], run.Boot.NodeOpened.Data["failed_kernel_revision"]?["commit"]?.ToString());
    }

    [Fact]
    public void Pipeline_bisects_the_boot_regression_to_the_panicking_commit_by_itself()
    {
        log.WriteLine(run.Report);
        var bisection = run.Boot.Bisection;
        Assert.Equal(("process", "bisection", "done", "pass"), (bisection.Kind, bisection.Name, bisection.State, bisection.Result));
        Assert.Equal(run.Boot.NodeOpened.Id, bisection.Parent);
        var firstBad = bisection.Data["result"]!["first_bad"]!;
        Assert.Equal((run.Commits[4], RegressionRun.PanicSubject, Author),
            (firstBad["commit"]?.ToString(), firstBad["subject"]?.ToString(), firstBad["author"]?.ToString()));
    }

    [Fact]
    public void Boot_regression_names_the_culprit_in_kcidb_and_in_its_node()
    {
        AssertCulprit(run.Boot, run.Commits[4], RegressionRun.PanicSubject);
    }

    [Fact]
    public void Bisection_builds_and_boots_each_step_with_the_regressions_own_jobs()
    {
        // Every run's checkout is a non-tip checkout of the tested commit, built by the regression's own kbuild and job.
        foreach (var step in run.Boot.Bisection.Data["bisect"]!["steps"]!.AsArray())
        {
            foreach (var r in step!["runs"]!.AsArray())
            {
                var names = r!["nodes"]!.AsArray().Select(n => n!["name"]!.ToString()).ToList();
                Assert.Equal("checkout", names[0]);
                Assert.Contains("kbuild-gcc-x86", names);
                Assert.Contains("baseline-x86", names);
                Assert.DoesNotContain("smoke-x86", names);
            }
        }

        // Eight commits: three steps; the culprit's parent and the culprit itself are among them or are the ends.
        Assert.InRange(run.Boot.Timeline.Runs.Count, 2, 4);
        Assert.All(run.Boot.Timeline.Runs, r => Assert.True(r.Build > TimeSpan.Zero && r.Boot > TimeSpan.Zero, r.ToString()));
    }

    [Fact]
    public void Smoke_test_failure_is_bisected_to_its_commit_the_same_way()
    {
        var opened = run.Smoke.Opened;
        Assert.Equal(("open", "smoke"), (Text(opened, "state"), Text(opened, "path")));
        Assert.Equal((run.Good, run.Commits[^1]), (Text(opened, "last_good_commit"), Text(opened, "first_bad_commit")));
        Assert.Equal(("done", "pass"), (run.Smoke.Bisection.State, run.Smoke.Bisection.Result));
        AssertCulprit(run.Smoke, run.Commits[2], RegressionRun.SmokeSubject);
    }

    [Fact]
    public void Reverting_the_culprits_fixes_both_regressions()
    {
        foreach (var regression in new[] { run.Boot, run.Smoke })
        {
            Assert.Equal(("fixed", run.Reverts[^1]), (Text(regression.Fixed, "state"), Text(regression.Fixed, "fixed_by_commit")));
            Assert.Equal(("done", "pass"), (regression.NodeFixed.State, regression.NodeFixed.Result));
            Assert.Equal("fixed", regression.NodeFixed.Data["kcidb"]?["state"]?.ToString());
            // The culprit stays on the fixed regression.
            Assert.NotNull(regression.Fixed["culprit"]);
        }
    }

    private void AssertCulprit(RegressionRun.Regression regression, string commit, string subject)
    {
        var culprit = regression.Bisected["culprit"]!;
        Assert.Equal((commit, subject, Author, regression.Bisection.Id),
            (culprit["commit"]?.ToString(), culprit["subject"]?.ToString(), culprit["author"]?.ToString(), culprit["bisection"]?.ToString()));
        Assert.Equal($"maestro:bisect_{Text(regression.Opened, "id")}", culprit["issue"]?.ToString());
        Assert.Equal(commit, regression.NodeBisected.Data["kcidb"]?["culprit"]?["commit"]?.ToString());
        Assert.Equal(subject, regression.NodeBisected.Data["kcidb"]?["culprit"]?["subject"]?.ToString());
    }

    private static string? Text(JsonObject json, string field) => json[field]?.ToString();
}
