using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>`results issue --id ID [--origin O]`: the issue from `issue/{id}`, then its builds and tests from
/// `issue/{id}/builds|tests` (kci-dev.md §2.2). `--json`, which upstream lacks, prints `{issue, builds, tests}`.</summary>
internal static class IssueCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Option<string>("--id") { Description = "Issue id, e.g. maestro:11568c8c…", Required = true };
        var origin = new Option<string?>("--origin") { Description = "Only the builds and tests of this origin" };
        var json = new Option<bool>("--json") { Description = "Print JSON: {issue, builds, tests}" };
        var command = new Command("issue", "Show one issue and the builds and tests it was seen on") { id, origin, json };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var issueId = session.Value(id)!;
            if (string.IsNullOrWhiteSpace(issueId) || issueId.IndexOfAny(['/', '?', '#']) >= 0)
            {
                throw new CliException($"--id {issueId}: not an issue id");
            }

            var dashboard = session.Dashboard();
            JsonObject issue;
            try
            {
                issue = await dashboard.GetAsync($"issue/{issueId}", cancellationToken: cancellationToken) as JsonObject
                    ?? throw new CliException($"--id {issueId}: the dashboard's answer is not an issue");
            }
            catch (DashboardApiException e) when (e.IsErrorReply)
            {
                throw new CliException($"--id {issueId}: {e.Message}");
            }

            var builds = await ItemsAsync(dashboard, issueId, "builds", session.Value(origin), cancellationToken);
            var tests = await ItemsAsync(dashboard, issueId, "tests", session.Value(origin), cancellationToken);
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, new JsonObject { ["issue"] = issue, ["builds"] = builds, ["tests"] = tests });
                return ExitCodes.Success;
            }

            Line(session.Console, "[green]Issue information:[/]");
            IssueView.Print(session.Console, issue, new DashboardLinks(dashboard.BaseAddress), IssueView.FirstIncident(issue));
            foreach (var (kind, items) in new[] { ("builds", builds), ("tests", tests) })
            {
                Line(session.Console, $"[green]Associated {kind}:[/]");
                if (items.Count == 0)
                {
                    Line(session.Console, $"No associated {kind} found");
                }

                foreach (var item in items)
                {
                    Line(session.Console, $"- {Esc((item as JsonObject)?["id"])}");
                }

                Line(session.Console);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>`issue/{id}/builds|tests`; the dashboard's "No builds…"/"No tests…" answer is an empty list.</summary>
    private static async Task<JsonArray> ItemsAsync(DashboardApiClient dashboard, string id, string kind, string? origin, CancellationToken cancellationToken)
    {
        try
        {
            var query = origin is null ? null : new[] { new KeyValuePair<string, string?>("filter_origin", origin) };
            return await dashboard.GetAsync($"issue/{id}/{kind}", query, cancellationToken) as JsonArray ?? [];
        }
        catch (DashboardApiException e) when (e.IsErrorReply && e.Message.Contains($"No {kind}", StringComparison.Ordinal))
        {
            return [];
        }
    }
}
