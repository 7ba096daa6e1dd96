using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>One issue as `results issues` and `results issue` print it (kernelci/kci-dev:
/// kcidev/subcommands/results/parser.py, print_issue_information and print_issue), `[NEW]` in red for an issue first
/// seen on the checkout asked about.</summary>
internal static class IssueView
{
    public static void Print(KciConsole console, JsonObject issue, DashboardLinks links, JsonObject? firstIncident, bool isNew = false)
    {
        Line(console, (isNew ? "- [red][[NEW]] [/]" : "- ") + $"[bold]{Esc(issue["comment"])}[/]");
        Line(console, $"  {Esc(links.Issue(Str(issue["id"])))}");
        Line(console, $"  origin: {Esc(issue["origin"])}");
        Line(console, $"  version: {Esc(issue["version"])}");
        Line(console, $"  field_timestamp: {Esc(issue["field_timestamp"])}");
        Culprits(console, issue);
        if (issue["categories"] is JsonArray { Count: > 0 } categories)
        {
            Line(console, $"  categories: {Esc(string.Join(", ", categories.Select(c => Python(c))))}");
        }

        if (firstIncident is not null)
        {
            Line(console, $"  First incident seen on [bold]{Esc(firstIncident["tree_name"])}/{Esc(firstIncident["git_repository_branch"])}[/]");
        }

        Line(console);
    }

    /// <summary>The first incident `issue/{id}` carries in `extra.{id}.first_incident`.</summary>
    public static JsonObject? FirstIncident(JsonObject issue) =>
        ((issue["extra"] as JsonObject)?[Str(issue["id"]) ?? ""] as JsonObject)?["first_incident"] as JsonObject;

    /// <summary>Only the culprits that are set, in red (upstream skips false and null ones).</summary>
    public static void Culprits(KciConsole console, JsonObject issue)
    {
        foreach (var field in new[] { "culprit_code", "culprit_tool", "culprit_harness" })
        {
            if (Truthy(issue[field]))
            {
                Line(console, $"  {field}: [red]{Esc(issue[field])}[/]");
            }
        }
    }

    private static bool Truthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
