using System.CommandLine;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Results;

/// <summary>`results trees`: the trees with results in the last `--days` days and their newest commit.</summary>
internal static class TreesCommand
{
    public static Command Create(CliContext context)
    {
        var origin = new Option<string>("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };
        var days = new Option<int>("--days") { Description = "How many days back", DefaultValueFactory = _ => 7 };
        var verbose = new Option<bool>("--verbose") { Description = "Print tree details (the default, as upstream)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("trees", "List the trees of an origin with their newest commit") { origin, days, verbose, json };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(days) <= 0)
            {
                throw new CliException($"--days {session.Value(days)}: must be a positive number of days");
            }

            var trees = await session.Dashboard().GetAsync("tree",
                [new("origin", session.Value(origin)), new("interval_in_days", session.Value(days).ToString(System.Globalization.CultureInfo.InvariantCulture))],
                cancellationToken) as JsonArray ?? [];
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, new JsonArray([.. trees.OfType<JsonObject>().Select(ToJson)]));
                return ExitCodes.Success;
            }

            foreach (var tree in trees.OfType<JsonObject>())
            {
                session.Console.Ansi.MarkupLineInterpolated($"[green]- {tree["tree_name"]}/{tree["git_repository_branch"]}:[/]");
                session.Console.Ansi.WriteLine($"  giturl: {tree["git_repository_url"]}");
                session.Console.Ansi.WriteLine($"  latest: {tree["git_commit_hash"]} ({tree["git_commit_name"]})");
                session.Console.Ansi.WriteLine($"  latest: {tree["start_time"]}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Upstream's `--json` shape for one tree (kci-dev.md §4).</summary>
    private static JsonObject ToJson(JsonObject tree) => new()
    {
        ["tree"] = $"{tree["tree_name"]}/{tree["git_repository_branch"]}",
        ["giturl"] = tree["git_repository_url"]?.DeepClone(),
        ["latest_commit_hash"] = tree["git_commit_hash"]?.DeepClone(),
        ["latest_commit_name"] = tree["git_commit_name"]?.DeepClone(),
        ["latest_commit_start_time"] = tree["start_time"]?.DeepClone(),
    };
}
