using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>What `results compare` prints: upstream's summary table and regression lines, or its JSON object
/// (kernelci/kci-dev:kcidev/subcommands/results/parser.py, cmd_compare).</summary>
internal sealed class CompareView(CommitResults previous, CommitResults latest, DashboardLinks links)
{
    private readonly List<JsonObject> _builds = RegressionFinder.Find(latest.Builds, previous.Builds, RegressionFinder.BuildKey);
    private readonly List<JsonObject> _boots = RegressionFinder.Find(latest.Boots, previous.Boots, RegressionFinder.TestKey);
    private readonly List<JsonObject> _tests = RegressionFinder.Find(latest.Tests, previous.Tests, RegressionFinder.TestKey);

    private int Total => _builds.Count + _boots.Count + _tests.Count;

    public JsonObject ToJson() => new()
    {
        ["total_regressions"] = Total,
        ["build_regressions"] = _builds.Count,
        ["boot_regressions"] = _boots.Count,
        ["test_regressions"] = _tests.Count,
        ["regressions"] = new JsonObject
        {
            ["builds"] = new JsonArray([.. _builds.Select(BuildJson)]),
            ["boots"] = new JsonArray([.. _boots.Select(b => TestJson(b, "boot"))]),
            ["tests"] = new JsonArray([.. _tests.Select(t => TestJson(t, "test"))]),
        },
    };

    public void Print(KciConsole console)
    {
        Line(console);
        Line(console, "Summary comparison:");
        var rows = new[] { ("builds", latest.Builds, previous.Builds), ("boots", latest.Boots, previous.Boots), ("tests", latest.Tests, previous.Tests) }
            .Select(r => (IReadOnlyList<string>)[r.Item1, Cell(r.Item2), Cell(r.Item3)]).ToList();
        foreach (var line in GridTable.Lines(["Type", $"Latest ({Short(latest.Commit)})", $"Previous ({Short(previous.Commit)})"], rows))
        {
            Line(console, line);
        }

        Line(console);
        Line(console, $"Regression analysis: {Short(previous.Commit)} -> {Short(latest.Commit)}");
        Line(console, $"Total regressions (PASS->FAIL): {Total}");
        if (_builds.Count > 0)
        {
            Line(console);
            Line(console, $"Build regressions ({_builds.Count}):");
            foreach (var build in _builds)
            {
                Line(console, $"- config: [cyan]{Esc(RegressionFinder.Get(build, "config_name"))}[/] arch: [cyan]{Esc(RegressionFinder.Get(build, "architecture"))}[/] compiler: [cyan]{Esc(RegressionFinder.Get(build, "compiler"))}[/]");
                Line(console, $"  dashboard: {Esc(links.Build(RegressionFinder.Get(build, "id")))}");
                Line(console);
            }
        }

        PrintTests(console, "Boot", _boots);
        PrintTests(console, "Test", _tests);
        if (Total == 0)
        {
            Line(console, "✅ No regressions found - all status changes are expected");
        }
    }

    public static string Short(string commit) => commit.Length > 12 ? commit[..12] : commit;

    private void PrintTests(KciConsole console, string title, List<JsonObject> regressions)
    {
        if (regressions.Count == 0)
        {
            return;
        }

        Line(console);
        Line(console, $"{title} regressions ({regressions.Count}):");
        foreach (var test in regressions)
        {
            Line(console, $"- test path: [cyan]{Esc(RegressionFinder.Path(test))}[/]");
            Line(console, $"  hardware: [cyan]{Esc(RegressionFinder.Platform(test))}[/]");
            Line(console, $"  config: [cyan]{Esc(RegressionFinder.Config(test))}[/]");
            Line(console, $"  dashboard: {Esc(links.Test(RegressionFinder.Get(test, "id")))}");
            Line(console);
        }
    }

    private static string Cell(List<JsonObject> items)
    {
        var (pass, fail, inconclusive) = CommitResults.Count(items);
        return Counts(pass, fail, inconclusive);
    }

    private JsonObject BuildJson(JsonObject build) => new()
    {
        ["type"] = "build",
        ["config"] = RegressionFinder.Value(build, "config_name", "unknown"),
        ["arch"] = RegressionFinder.Value(build, "architecture", "unknown"),
        ["compiler"] = RegressionFinder.Value(build, "compiler", "unknown"),
        ["id"] = RegressionFinder.Value(build, "id", "unknown"),
        ["dashboard"] = links.Build(RegressionFinder.Get(build, "id")),
        ["log"] = RegressionFinder.Value(build, "log_url", ""),
    };

    private JsonObject TestJson(JsonObject test, string type) => new()
    {
        ["type"] = type,
        ["test_path"] = RegressionFinder.PathValue(test),
        ["hardware"] = RegressionFinder.PlatformValue(test),
        ["config"] = RegressionFinder.Value(test, "config", RegressionFinder.Value(test, "config_name", "unknown")),
        ["arch"] = RegressionFinder.Value(test, "arch", RegressionFinder.Value(test, "architecture", "unknown")),
        ["id"] = RegressionFinder.Value(test, "id", "unknown"),
        ["dashboard"] = links.Test(RegressionFinder.Get(test, "id")),
        ["log"] = RegressionFinder.Value(test, "log_url", ""),
    };
}
