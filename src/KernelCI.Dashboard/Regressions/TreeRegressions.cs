namespace KernelCI.Dashboard.Regressions;

/// <summary>A tree's test histories sorted into possible regressions, fixed regressions and unstable tests, as
/// upstream's tree-report and summary email do (kernelci/dashboard:
/// backend/kernelCI_app/management/commands/notifications.py, evaluate_test_results): histories whose runs all have
/// the same status are left out; the others go where <see cref="RegressionClassifier"/> puts them (pass or fail
/// cannot happen then; unstable takes anything but regression and fixed).</summary>
internal sealed record TreeRegressions(RegressionGroups PossibleRegressions, RegressionGroups FixedRegressions, RegressionGroups UnstableTests)
{
    /// <summary>Sorts <paramref name="runs"/>: each test's history (same path, platform, config, architecture and
    /// compiler), already limited to the runs wanted and ordered newest first within a test. Tests keep the order in
    /// which they first appear.</summary>
    public static TreeRegressions Evaluate(IEnumerable<TestRun> runs)
    {
        var histories = new Dictionary<(string Platform, string Config, string ArchCompiler, string Path), List<TestRun>>();
        foreach (var run in runs)
        {
            var key = (RegressionGroups.Key(run.Platform), RegressionGroups.Key(run.ConfigName),
                RegressionGroups.ArchCompiler(run.Architecture, run.Compiler), RegressionGroups.Key(run.Path));
            if (!histories.TryGetValue(key, out var history))
            {
                histories[key] = history = [];
            }

            history.Add(run);
        }

        var result = new TreeRegressions(new RegressionGroups(), new RegressionGroups(), new RegressionGroups());
        foreach (var ((platform, config, archCompiler, path), history) in histories)
        {
            if (history.Select(r => r.Status).Distinct().Count() == 1)
            {
                continue;
            }

            var target = RegressionClassifier.Classify(history.Select(r => r.Status).ToArray()) switch
            {
                RegressionType.Regression => result.PossibleRegressions,
                RegressionType.Fixed => result.FixedRegressions,
                _ => result.UnstableTests,
            };
            target.Add(platform, config, archCompiler, path, history.Select(RegressionGroups.Run).ToList());
        }

        return result;
    }
}
