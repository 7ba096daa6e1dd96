using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>The text of `results tree-report`, line for line as upstream's cmd_tree_report (kernelci/kci-dev:
/// kcidev/subcommands/results/parser.py). Links are on the host of the report's `dashboard_url`, as upstream's.</summary>
internal static class TreeReportView
{
    private static readonly (string Key, string Title)[] Categories =
        [("possible_regressions", "Possible regressions:"), ("fixed_regressions", "Fixed regressions:"), ("unstable_tests", "Unstable tests:")];

    public static void Print(KciConsole console, JsonObject report)
    {
        Line(console, $"Tree: [bold]{Esc(report["dashboard_url"])}[/]");
        Line(console, $"Commit: {Esc(report["commit_hash"])}");
        Line(console, $"Origin: [cyan]{Esc(report["origin"])}[/]");
        Line(console, $"Checkout start time: {Esc(report["checkout_start_time"])}");
        Line(console);
        Line(console, "[bold]Summary: (pass/fail/inconclusive)[/]");
        Summary(console, "builds", report["build_status_summary"] as JsonObject, "PASS", "FAIL", "ERROR", "SKIP", "MISS", "DONE", "NULL");
        Summary(console, "boots", report["boot_status_summary"] as JsonObject, "pass_count", "fail_count", "error_count", "skip_count", "miss_count", "done_count", "null_count");
        Summary(console, "tests", report["test_status_summary"] as JsonObject, "pass_count", "fail_count", "error_count", "skip_count", "miss_count", "done_count", "null_count");
        Line(console);

        var links = Uri.TryCreate(Str(report["dashboard_url"]), UriKind.Absolute, out var url) ? new DashboardLinks(url) : null;
        foreach (var (key, title) in Categories)
        {
            Histories(console, report[key] as JsonObject, title, links);
        }

        Issues(console, (report["issues"] as JsonObject)?["builds"] as JsonArray ?? [], links);
    }

    private static void Summary(KciConsole console, string name, JsonObject? counts, string pass, string fail, params string[] inconclusive)
    {
        long Count(string key) => counts?[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
        Line(console, $"{name}:\t{Counts(Count(pass), Count(fail), inconclusive.Sum(Count))}");
    }

    private static void Histories(KciConsole console, JsonObject? platforms, string title, DashboardLinks? links)
    {
        if (platforms is not { Count: > 0 })
        {
            return;
        }

        Line(console, $"[bold]{Esc(title)}[/]");
        foreach (var (platform, configs) in platforms)
        {
            Line(console, $"Platform: [cyan]{Esc(platform)}[/]");
            foreach (var (config, archCompilers) in configs as JsonObject ?? [])
            {
                Line(console, $"> Config: [cyan]{Esc(config)}[/]");
                foreach (var (archCompiler, paths) in archCompilers as JsonObject ?? [])
                {
                    Line(console, $" - Architecture/compiler: [cyan]{Esc(archCompiler)}[/]");
                    foreach (var (path, runs) in paths as JsonObject ?? [])
                    {
                        var history = (runs as JsonArray ?? []).OfType<JsonObject>().ToList();
                        Line(console, $"   - Test path: [cyan]{Esc(path)}[/]");
                        Line(console, $"   last run: {Esc(links?.Test(Str(history.FirstOrDefault()?["id"])))}");
                        // Newest first on the wire; printed oldest first, as upstream.
                        Line(console, "   history:" + Esc(string.Join(" > ", history.Select(r => Emoji(Str(r["status"]))).Reverse())));
                        Line(console);
                    }
                }
            }
        }
    }

    private static void Issues(KciConsole console, JsonArray issues, DashboardLinks? links)
    {
        if (issues.Count > 0)
        {
            Line(console, "[bold]Build issues:[/]");
        }

        foreach (var issue in issues.OfType<JsonObject>())
        {
            var isNew = issue["is_new_issue"] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
            Line(console, (isNew ? "- [red][[NEW]] [/]" : "- ") + Esc(links?.Issue(Str(issue["issue_id"]))));
            Line(console, $"  Comment: [cyan]{Esc(issue["comment"])}[/]");
            Line(console, $"  Build: {Esc(links?.Build(Str(issue["build_id"])))}");
            Line(console, $"  version: {Esc(issue["version"])}");
            Line(console, $"  Report URL: {Esc(issue["report_url"])}");
            Line(console, $"  First seen: {Esc(issue["first_seen"])}");
            IssueView.Culprits(console, issue);
            Line(console);
        }
    }

    private static string Emoji(string? status) => status switch
    {
        "PASS" => "✅",
        "FAIL" => "❌",
        "ERROR" or "SKIP" or "MISS" or "DONE" or "NULL" or null => "⚠️",
        _ => "None",
    };
}
