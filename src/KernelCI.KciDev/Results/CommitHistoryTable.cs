using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Results;

/// <summary>`results summary --history` as text: one row per commit with its tags and pass/fail/inconclusive counts
/// (upstream's `cmd_commits_history`, kernelci/kci-dev:kcidev/subcommands/results/parser.py). Builds count with
/// upper-case status keys, boots and tests with lower-case ones, as the dashboard sends them.</summary>
internal static class CommitHistoryTable
{
    public static void Write(KciConsole console, JsonNode answer)
    {
        var commits = answer as JsonArray ?? (answer as JsonObject)?["commits"] as JsonArray ?? [];
        if (commits.Count == 0)
        {
            console.Out.WriteLine("No commits found");
            return;
        }

        var table = new Table().Border(TableBorder.Ascii).AddColumns("Commit", "Tags", "Builds", "Boots", "Tests");
        foreach (var commit in commits.OfType<JsonObject>())
        {
            var tags = commit["git_commit_tags"] is JsonArray list ? string.Join(", ", list.Select(t => t?.ToString())) : "";
            table.AddRow(
                Markup.Escape(commit["git_commit_hash"]?.ToString() ?? "unknown"),
                Markup.Escape(tags),
                SummaryCounts.From(commit["builds"]).Markup(),
                SummaryCounts.From(commit["boots"], lowerCase: true).Markup(),
                SummaryCounts.From(commit["tests"], lowerCase: true).Markup());
        }

        console.Ansi.Write(table);
    }
}
