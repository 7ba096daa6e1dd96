using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`results summary`: pass/fail/inconclusive counts of a revision's builds, boots and tests
/// (`tree/{sha}/summary`); with `--history`, the table of the commits before it (`tree/{sha}/commits`), starting at
/// `--commit` if given, else at the newest commit the dashboard has (kci-dev.md §2.2, §3.1).</summary>
internal static class SummaryCommand
{
    public static Command Create(CliContext context)
    {
        var revision = new RevisionOptions();
        var history = new Option<bool>("--history") { Description = "Show the commit history table (pass/fail/inconclusive per commit, with tags)" };
        var command = new Command("summary", "Display a summary of a revision's results") { history };
        revision.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var dashboard = session.Dashboard();
            var json = session.Value(revision.Json);
            if (session.Value(history))
            {
                var head = await RevisionResolver.ResolveAsync(session, revision, dashboard, cancellationToken, latestUnlessCommit: true);
                var commits = await dashboard.GetAsync($"tree/{head.Commit}/commits",
                    [new("origin", head.Origin), new("git_url", head.GitUrl), new("git_branch", head.Branch)], cancellationToken);
                if (json)
                {
                    await JsonOutput.WriteAsync(session.Console, commits);
                }
                else
                {
                    CommitHistoryTable.Write(session.Console, commits);
                }

                return ExitCodes.Success;
            }

            var resolved = await RevisionResolver.ResolveAsync(session, revision, dashboard, cancellationToken);
            var summary = await dashboard.GetAsync($"tree/{resolved.Commit}/summary",
                [new("origin", resolved.Origin), new("git_url", resolved.GitUrl), new("git_branch", resolved.Branch),
                 new("filter_architecture", session.Value(revision.Arch))], cancellationToken);
            await SummaryCounts.WriteAsync(session.Console, summary, json);
            return ExitCodes.Success;
        });
        return command;
    }
}
