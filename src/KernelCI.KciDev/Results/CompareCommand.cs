using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Results.Items;
using static KernelCI.KciDev.Results.ResultText;

namespace KernelCI.KciDev.Results;

/// <summary>`results compare [OLD NEW]`: the PASS→FAIL regressions between two commits of a tree, by default the two
/// newest of its history (`tree` for the newest, then `tree/{sha}/commits`), kci-dev.md §2.2. `--json` prints the JSON
/// object alone (upstream prints the table first).</summary>
internal static class CompareCommand
{
    public static Command Create(CliContext context)
    {
        var origin = new Option<string>("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };
        var gitUrl = new Option<string>("--giturl") { Description = "Git URL of the kernel tree", Required = true };
        var branch = new Option<string>("--branch") { Description = "Branch", Required = true };
        var latest = new Option<bool>("--latest") { Description = "Compare the two newest commits of the history (the default without OLD NEW)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var commits = new Argument<string[]>("commits") { Description = "OLD NEW: two commits (hashes or tags) to compare", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("compare", "Regressions (PASS to FAIL) between two commits of a tree") { origin, gitUrl, branch, latest, json, commits };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var given = session.Value(commits) ?? [];
            if (given.Length is not (0 or 2))
            {
                throw new CliException($"give two commits, OLD NEW, or none to compare the two newest of the history (got {given.Length})");
            }

            var (originValue, url, branchValue) = (session.Value(origin)!, session.Value(gitUrl)!, session.Value(branch)!);
            var quiet = session.Value(json);
            var dashboard = session.Dashboard();
            string previous, newest;
            if (given.Length == 2)
            {
                previous = await RevisionResolver.FullShaAsync(session.Context.WorkingDirectory, url, given[0], cancellationToken);
                newest = await RevisionResolver.FullShaAsync(session.Context.WorkingDirectory, url, given[1], cancellationToken);
            }
            else
            {
                (previous, newest) = await NewestTwoAsync(session, dashboard, originValue, url, branchValue, quiet, cancellationToken);
            }

            if (!quiet)
            {
                Line(session.Console, $"Fetching builds, boots, and tests for commit {CompareView.Short(newest)}...");
            }

            var after = await CommitResults.FetchAsync(dashboard, originValue, url, branchValue, newest, cancellationToken);
            if (!quiet)
            {
                Line(session.Console, $"Fetching builds, boots, and tests for commit {CompareView.Short(previous)}...");
            }

            var before = await CommitResults.FetchAsync(dashboard, originValue, url, branchValue, previous, cancellationToken);
            if ((after.IsEmpty ? after : before.IsEmpty ? before : null) is { } missing)
            {
                throw new CliException($"the dashboard has no builds, boots or tests for commit {missing.Commit} of {url} {branchValue} (origin {originValue})");
            }

            var view = new CompareView(before, after, new DashboardLinks(dashboard.BaseAddress));
            if (quiet)
            {
                await JsonOutput.WriteAsync(session.Console, view.ToJson());
            }
            else
            {
                view.Print(session.Console);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The tree's newest commit from the tree list, then the two newest of its `commits` history.</summary>
    private static async Task<(string Previous, string Latest)> NewestTwoAsync(
        CommandSession session, DashboardApiClient dashboard, string origin, string url, string branch, bool quiet, CancellationToken cancellationToken)
    {
        var head = await RevisionResolver.LatestAsync(dashboard, origin, url, branch, cancellationToken);
        JsonNode history;
        try
        {
            history = await dashboard.GetAsync($"tree/{head}/commits", [new("origin", origin), new("git_url", url), new("git_branch", branch)], cancellationToken);
        }
        catch (DashboardApiException e) when (e.IsErrorReply)
        {
            throw new CliException($"no commit history for {url} {branch} at {head}: {e.Message}");
        }

        // Upstream accepts both a top-level array and {"commits": […]} (kci-dev.md §9).
        var list = (history as JsonArray ?? (history as JsonObject)?["commits"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (list.Count < 2)
        {
            throw new CliException($"not enough commits in the history of {url} {branch} to compare ({list.Count}); give OLD NEW");
        }

        if (!quiet)
        {
            Line(session.Console, "Analyzing latest commits from history:");
            Line(session.Console, $"  Latest:   {Esc(CompareView.Short(Str(list[0]["git_commit_hash"]) ?? ""))} ({Esc(RegressionFinder.Get(list[0], "git_commit_name"))})");
            Line(session.Console, $"  Previous: {Esc(CompareView.Short(Str(list[1]["git_commit_hash"]) ?? ""))} ({Esc(RegressionFinder.Get(list[1], "git_commit_name"))})");
        }

        return (Str(list[1]["git_commit_hash"]) ?? "", Str(list[0]["git_commit_hash"]) ?? "");
    }
}
