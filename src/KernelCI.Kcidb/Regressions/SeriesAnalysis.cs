namespace KernelCI.Kcidb.Regressions;

/// <summary>Turns one series' results into its regressions and its flakiness (docs/regressions.md). The whole history
/// is read each time, in commit order, so a late result for an old commit gives the same answer as one that came in
/// order, and the same results always give the same regressions with the same ids.</summary>
public static class SeriesAnalysis
{
    public static SeriesVerdict Analyze(SeriesKey series, IEnumerable<SeriesRun> runs, RegressionRules? rules = null,
        IReadOnlySet<string>? invalid = null)
    {
        rules ??= RegressionRules.Default;
        var infrastructure = new Dictionary<(string Lab, string Platform), int>();
        var commits = Decide(runs, infrastructure);
        var rates = commits.Select((_, i) => FlipRate(commits, i, rules)).ToList();
        var unstable = rates.Select(r => r >= rules.FlakyThreshold).ToList();
        var unsettled = Unsettled(unstable, rules.FlakyMemory);
        var regressions = Track(series, commits, unsettled, rules);
        if (invalid is { Count: > 0 })
        {
            regressions = regressions.Select(r => invalid.Contains(r.Id) ? r with { State = RegressionState.Invalid } : r).ToList();
        }

        var flaky = unsettled.Count > 0 && unsettled[^1];
        DateTimeOffset? since = null;
        if (flaky)
        {
            // The first unstable commit of the unsettled stretch that reaches the newest commit: when it became flaky,
            // not the FlakyMemory commits before it that only inherit the doubt.
            var first = unsettled.Count - 1;
            while (first > 0 && unsettled[first - 1])
            {
                first--;
            }

            while (!unstable[first])
            {
                first++;
            }

            since = commits[first].Ref.Time;
        }

        return new SeriesVerdict(series, regressions, flaky, since, rates.Count == 0 ? 0 : rates[^1], infrastructure);
    }

    // One outcome per commit: PASS or FAIL when its decided results agree, Mixed when they do not. ERROR, MISS and
    // results without a status decide nothing and are counted as infrastructure; SKIP and DONE are neither.
    private static List<DecidedCommit> Decide(IEnumerable<SeriesRun> runs, Dictionary<(string, string), int> infrastructure)
    {
        var commits = new List<DecidedCommit>();
        foreach (var group in runs.GroupBy(r => (r.Position, r.Commit)).OrderBy(g => g.Key.Position).ThenBy(g => g.Key.Commit, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.Time).ThenBy(r => r.ResultId, StringComparer.Ordinal).ToList();
            foreach (var run in ordered.Where(r => r.Status is null or "ERROR" or "MISS"))
            {
                var where = (run.Lab ?? "unknown", run.Platform ?? "unknown");
                infrastructure[where] = infrastructure.GetValueOrDefault(where) + 1;
            }

            var passes = ordered.Where(r => r.Status == "PASS").ToList();
            var fails = ordered.Where(r => r.Status == "FAIL").ToList();
            if (passes.Count + fails.Count == 0)
            {
                continue;
            }

            var outcome = fails.Count == 0 ? Outcome.Pass : passes.Count == 0 ? Outcome.Fail : Outcome.Mixed;
            var deciding = fails.Count == 0 ? passes[0] : fails[0];
            commits.Add(new DecidedCommit(new CommitRef(group.Key.Commit, group.Key.Position, deciding.Time, deciding.ResultId), outcome,
                fails.Select(f => f.ResultId).ToList()));
        }

        return commits;
    }

    // The share of neighbouring decided commits whose outcomes differ (a commit with both outcomes counts as a change on
    // its own) over FlakyWindow commits around `index`: centred where later commits exist, so a random failure early in
    // a series is judged with hindsight once they come in, and the newest commits' window ending at the newest.
    private static double FlipRate(List<DecidedCommit> commits, int index, RegressionRules rules)
    {
        var to = Math.Min(commits.Count - 1, Math.Max(0, index - rules.FlakyWindow / 2) + rules.FlakyWindow - 1);
        var from = Math.Max(0, to - rules.FlakyWindow + 1);
        var count = to - from + 1;
        if (count < rules.FlakyMinimumRuns)
        {
            return 0;
        }

        var flips = 0;
        for (var i = from + 1; i <= to; i++)
        {
            if (commits[i].Outcome != commits[i - 1].Outcome || commits[i].Outcome == Outcome.Mixed)
            {
                flips++;
            }
        }

        return flips < rules.FlakyMinimumFlips ? 0 : (double)flips / (count - 1);
    }

    // Unsettled: within `memory` decided commits of an unstable one, on either side (docs/regressions.md, "Flaky series").
    // Behind it, a series is trusted again only after a long enough stable run; ahead of it, a calm stretch just before a
    // flaky one (a series' oldest commits in the window) is not taken for a stable history either.
    private static List<bool> Unsettled(List<bool> unstable, int memory)
    {
        var unsettled = new List<bool>(unstable.Count);
        var last = int.MinValue / 2;
        for (var i = 0; i < unstable.Count; i++)
        {
            last = unstable[i] ? i : last;
            unsettled.Add(i - last <= memory);
        }

        var next = int.MaxValue / 2;
        for (var i = unstable.Count - 1; i >= 0; i--)
        {
            next = unstable[i] ? i : next;
            unsettled[i] |= next - i <= memory;
        }

        return unsettled;
    }

    private static List<TrackedRegression> Track(SeriesKey series, List<DecidedCommit> commits, List<bool> unsettled, RegressionRules rules)
    {
        var done = new List<TrackedRegression>();
        CommitRef? lastGood = null;
        TrackedRegression? current = null;
        var passesSinceFix = 0;
        for (var i = 0; i < commits.Count; i++)
        {
            var (commit, outcome, failures) = commits[i];
            if (outcome == Outcome.Pass)
            {
                if (current is { State: RegressionState.Open })
                {
                    current = current with { State = RegressionState.Fixed, FixedBy = commit };
                    passesSinceFix = 0;
                }
                else if (current is { State: RegressionState.Fixed } && ++passesSinceFix >= rules.CloseAfterPasses)
                {
                    done.Add(current with { State = RegressionState.Closed });
                    current = null;
                }

                lastGood = commit;
            }
            else if (outcome == Outcome.Fail)
            {
                if (current is not null)
                {
                    // Failing again before it was closed: the fix did not hold.
                    current = current with { State = RegressionState.Open, FixedBy = null, Failures = [.. current.Failures, .. failures] };
                }
                else if (lastGood is not null && !unsettled[i])
                {
                    current = new TrackedRegression(series.RegressionId(commit.Commit), series, lastGood, commit, RegressionState.Open,
                        failures, null);
                }
            }
        }

        if (current is not null)
        {
            done.Add(current);
        }

        return done;
    }

    private enum Outcome
    {
        Pass,
        Fail,
        Mixed,
    }

    private sealed record DecidedCommit(CommitRef Ref, Outcome Outcome, IReadOnlyList<string> Failures);
}
