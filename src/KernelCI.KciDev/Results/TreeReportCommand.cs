using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.Client.Dashboard;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`results tree-report`: a tree's newest checkout in an age window, its counts, regressions, unstable tests and
/// build issues, from `tree-report` (kci-dev.md §2.2, §9). `--json` prints the server's JSON as it came.</summary>
internal static class TreeReportCommand
{
    public static Command Create(CliContext context)
    {
        var origin = new Option<string>("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };
        var gitUrl = new Option<string>("--giturl") { Description = "Git URL of the kernel tree", Required = true };
        var branch = new Option<string>("--branch") { Description = "Branch", Required = true };
        var paths = new Option<string[]>("--path") { Description = "Test path to report on (SQL wildcards allowed); repeatable" };
        var historySize = new Option<int>("--history-size") { Description = "Runs per test history", DefaultValueFactory = _ => 3 };
        var maxAge = new Option<int>("--max-age") { Description = "Maximum age of the checkout and its tests, in hours", DefaultValueFactory = _ => 24 };
        var minAge = new Option<int>("--min-age") { Description = "Minimum age of the checkout, in hours", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Print the server's JSON" };
        var command = new Command("tree-report", "Report on a tree's newest checkout: summary, regressions, unstable tests, build issues")
        {
            origin, gitUrl, branch, paths, historySize, maxAge, minAge, json,
        };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var (size, max, min) = (session.Value(historySize), session.Value(maxAge), session.Value(minAge));
            Refuse(size < 1, $"--history-size {size}: must be at least 1");
            Refuse(max < 1, $"--max-age {max}: must be at least 1 hour");
            Refuse(min < 0 || min >= max, $"--min-age {min}: must be from 0 to below --max-age ({max})");

            List<KeyValuePair<string, string?>> query =
            [
                new("origin", session.Value(origin)), new("git_branch", session.Value(branch)), new("git_url", session.Value(gitUrl)),
                new("group_size", Text(size)), new("max_age_in_hours", Text(max)), new("min_age_in_hours", Text(min)),
                .. (session.Value(paths) ?? []).Select(p => new KeyValuePair<string, string?>("path", p)),
            ];
            JsonNode report;
            try
            {
                report = await session.Dashboard().GetAsync("tree-report", query, cancellationToken);
            }
            catch (DashboardApiException e) when (e.IsErrorReply)
            {
                throw new CliException($"{e.Message} (--giturl {session.Value(gitUrl)} --branch {session.Value(branch)}, --max-age {max} --min-age {min})");
            }

            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, report);
            }
            else
            {
                TreeReportView.Print(session.Console, report as JsonObject ?? throw new CliException("the dashboard's tree report is not a JSON object"));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Refuse(bool condition, string message)
    {
        if (condition)
        {
            throw new CliException(message);
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
