using KernelCI.Kcidb.Regressions;

namespace KernelCI.Kcidb.Tests.Regressions;

public sealed class SeriesAnalysisTests
{
    private static readonly SeriesKey Series = new("maestro", "mainline", "master", "test", "boot", "x86_64_defconfig", "x86_64", "gcc-12", "qemu-x86");

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Pass_then_fail_opens_a_regression_with_its_last_good_and_first_bad_commits()
    {
        var verdict = Analyze("PPF");

        var regression = Assert.Single(verdict.Regressions);
        Assert.Equal((RegressionState.Open, "c1", "c2"), (regression.State, regression.LastGood.Commit, regression.FirstBad.Commit));
        Assert.Equal(["r2"], regression.Failures);
    }

    [Fact]
    public void Series_failing_from_its_first_result_has_no_regression()
    {
        Assert.Empty(Analyze("FFF").Regressions);
    }

    [Fact]
    public void Error_and_miss_open_no_regression_and_count_as_infrastructure_per_lab_and_platform()
    {
        var verdict = Analyze("PEMP", lab: "lab-a");

        Assert.Empty(verdict.Regressions);
        Assert.Equal(2, verdict.Infrastructure[("lab-a", "qemu-x86")]);
    }

    [Fact]
    public void Result_without_a_status_counts_as_infrastructure()
    {
        var runs = Runs("P").Append(new SeriesRun("c1", 1, Start.AddHours(1), null, "r1"));

        Assert.Equal(1, SeriesAnalysis.Analyze(Series, runs).Infrastructure[("unknown", "unknown")]);
    }

    [Fact]
    public void Pass_on_a_later_commit_fixes_the_regression()
    {
        var regression = Assert.Single(Analyze("PFFP").Regressions);

        Assert.Equal((RegressionState.Fixed, "c3"), (regression.State, regression.FixedBy!.Commit));
    }

    [Fact]
    public void Regression_closes_after_the_further_passes_the_rules_ask_for()
    {
        Assert.Equal(RegressionState.Fixed, Assert.Single(Analyze("PFPPP").Regressions).State);
        Assert.Equal(RegressionState.Closed, Assert.Single(Analyze("PFPPPP").Regressions).State);
    }

    [Fact]
    public void Failure_before_closing_reopens_the_same_regression()
    {
        var regression = Assert.Single(Analyze("PFPF").Regressions);

        Assert.Equal((RegressionState.Open, "c1", null), (regression.State, regression.FirstBad.Commit, regression.FixedBy));
        Assert.Equal(["r1", "r3"], regression.Failures);
    }

    [Fact]
    public void Failure_after_closing_opens_a_new_regression()
    {
        var verdict = Analyze("PFPPPPF");

        Assert.Equal([RegressionState.Closed, RegressionState.Open], verdict.Regressions.Select(r => r.State));
        Assert.Equal("c5", verdict.Regressions[1].LastGood.Commit);
    }

    [Fact]
    public void Order_of_arrival_does_not_change_the_regressions()
    {
        var runs = Runs("PPPFFPPPPF").ToList();
        var shuffled = runs.OrderBy(_ => Random.Shared.Next()).ToList();

        Assert.Equal(Describe(SeriesAnalysis.Analyze(Series, runs)), Describe(SeriesAnalysis.Analyze(Series, shuffled)));
    }

    [Fact]
    public void Regression_id_depends_on_the_series_and_the_first_bad_commit_only()
    {
        var first = Assert.Single(Analyze("PF").Regressions).Id;
        var again = Assert.Single(Analyze("PPPF", offset: -2).Regressions).Id;
        var other = Assert.Single(SeriesAnalysis.Analyze(Series with { Platform = "rk3399" }, Runs("PF")).Regressions).Id;

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Matches("^[0-9a-f]{24}$", first);
    }

    [Fact]
    public void Test_failing_at_random_half_the_time_is_flaky_and_has_no_open_regression()
    {
        var random = new Random(7);
        var pattern = string.Concat(Enumerable.Range(0, 40).Select(i => i == 0 || random.Next(2) == 0 ? 'P' : 'F'));

        var verdict = Analyze(pattern);

        Assert.True(verdict.Flaky, $"{pattern}: flip rate {verdict.FlipRate}");
        Assert.DoesNotContain(verdict.Regressions, r => r.State == RegressionState.Open);
    }

    [Fact]
    public void Real_regression_in_a_long_stable_series_is_not_flaky()
    {
        var verdict = Analyze(new string('P', 30) + new string('F', 10));

        Assert.False(verdict.Flaky);
        Assert.Equal("c30", Assert.Single(verdict.Regressions).FirstBad.Commit);
    }

    [Fact]
    public void Flaky_since_is_the_first_commit_of_the_unstable_stretch()
    {
        var verdict = Analyze(new string('P', 30) + "FPFPFPFPFPFPFPFPFPFP");

        Assert.True(verdict.Flaky);
        Assert.True(verdict.FlakySince > Start.AddHours(20) && verdict.FlakySince <= Start.AddHours(31), $"{verdict.FlakySince}");
    }

    // A flaky series (14 commits flipping), a calm stretch of 10 passes, one failure, 10 passes, flaky again. The
    // failure's own centred window has too few flips to be unstable there.
    private const string CalmStretchInAFlakySeries = "PFPFFPFPPFPFPF" + "PPPPPPPPPP" + "F" + "PPPPPPPPPP" + "FPFPPFPFFPFP";

    [Fact]
    public void Calm_stretch_inside_a_flaky_series_opens_no_regression()
    {
        var verdict = Analyze(CalmStretchInAFlakySeries);

        Assert.Empty(verdict.Regressions);
        Assert.True(verdict.Flaky);
    }

    [Fact]
    public void Without_memory_the_calm_stretch_inside_a_flaky_series_would_open_one()
    {
        // What the rule above prevents: the failure's centred window alone finds the series stable.
        var verdict = SeriesAnalysis.Analyze(Series, Runs(CalmStretchInAFlakySeries), RegressionRules.Default with { FlakyMemory = 0 });

        Assert.Equal("c24", Assert.Single(verdict.Regressions).FirstBad.Commit);
    }

    [Fact]
    public void Calm_stretch_before_a_flaky_one_opens_no_regression()
    {
        // The series' oldest commits in the window are calm, and it flips from the 25th on: the failure among the calm
        // ones is no evidence of a regression either.
        var verdict = Analyze(new string('P', 12) + "F" + new string('P', 11) + "FPFPPFPFFPFPFFPF");

        Assert.Empty(verdict.Regressions);
    }

    [Fact]
    public void Real_regression_after_a_long_stable_history_opens_and_stays_open()
    {
        var verdict = Analyze(new string('P', 25) + new string('F', 20));

        var regression = Assert.Single(verdict.Regressions);
        Assert.Equal((RegressionState.Open, "c24", "c25"), (regression.State, regression.LastGood.Commit, regression.FirstBad.Commit));
        Assert.False(verdict.Flaky);
    }

    [Fact]
    public void Real_regression_fixed_after_a_while_is_fixed_and_not_flaky()
    {
        var verdict = Analyze(new string('P', 30) + new string('F', 5) + new string('P', 10));

        Assert.Equal((RegressionState.Closed, "c30"), Assert.Single(verdict.Regressions) is var r ? (r.State, r.FirstBad.Commit) : default);
        Assert.False(verdict.Flaky);
    }

    [Fact]
    public void Formerly_flaky_series_stable_for_long_enough_opens_a_regression_again()
    {
        var verdict = Analyze("PFPFFPFPPFPF" + new string('P', 33) + "FFF");

        Assert.Equal((RegressionState.Open, "c45"), Assert.Single(verdict.Regressions) is var r ? (r.State, r.FirstBad.Commit) : default);
        Assert.False(verdict.Flaky);
    }

    [Fact]
    public void Series_calm_at_its_newest_commits_after_flipping_is_still_flaky_since_it_started_flipping()
    {
        // Flipping from c20 to c32, then 18 passes: the newest window has too few flips, but not 20 stable commits yet.
        var verdict = Analyze(new string('P', 20) + "FPFPFPFPFPFPF" + new string('P', 18));

        Assert.True(verdict.Flaky);
        Assert.Equal(0, verdict.FlipRate);
        Assert.True(verdict.FlakySince > Start.AddHours(10) && verdict.FlakySince <= Start.AddHours(20), $"{verdict.FlakySince}");
    }

    [Fact]
    public void Commit_with_both_outcomes_decides_no_regression()
    {
        var runs = Runs("P").Concat([new SeriesRun("c1", 1, Start.AddHours(1), "FAIL", "r1a"), new SeriesRun("c1", 1, Start.AddHours(1), "PASS", "r1b")]);

        Assert.Empty(SeriesAnalysis.Analyze(Series, runs).Regressions);
    }

    [Fact]
    public void Skip_and_done_neither_decide_nor_count_as_infrastructure()
    {
        var verdict = Analyze("PSDF");

        Assert.Equal("c0", Assert.Single(verdict.Regressions).LastGood.Commit);
        Assert.Empty(verdict.Infrastructure);
    }

    [Fact]
    public void Regression_marked_invalid_stays_invalid()
    {
        var id = Assert.Single(Analyze("PF").Regressions).Id;

        var verdict = SeriesAnalysis.Analyze(Series, Runs("PFF"), invalid: new HashSet<string> { id });

        Assert.Equal(RegressionState.Invalid, Assert.Single(verdict.Regressions).State);
    }

    // One result per commit c0, c1, ...: P pass, F fail, E error, M miss, S skip, D done.
    private static IEnumerable<SeriesRun> Runs(string pattern, string? lab = null, int offset = 0) =>
        pattern.Select((c, i) => new SeriesRun("c" + (i + offset), i + offset, Start.AddHours(i + offset), c switch
        {
            'P' => "PASS",
            'F' => "FAIL",
            'E' => "ERROR",
            'M' => "MISS",
            'S' => "SKIP",
            _ => "DONE",
        }, "r" + (i + offset), lab, "qemu-x86"));

    private static SeriesVerdict Analyze(string pattern, string? lab = null, int offset = 0) =>
        SeriesAnalysis.Analyze(Series, Runs(pattern, lab, offset));

    private static string Describe(SeriesVerdict verdict) =>
        string.Join(";", verdict.Regressions.Select(r => $"{r.Id} {r.State} {r.LastGood.Commit} {r.FirstBad.Commit} {r.FixedBy?.Commit} {string.Join(",", r.Failures)}"));
}
