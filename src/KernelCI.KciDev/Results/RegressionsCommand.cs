using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`results regressions`: ours, not upstream's kci-dev: the regressions the dashboard API's tracker found in
/// every origin's results (`regressions/`), or with `--flaky` the unstable series (`flaky/`); docs/kci-dev.md,
/// "results regressions".</summary>
internal static class RegressionsCommand
{
    public static Command Create(CliContext context)
    {
        var tree = new Option<string?>("--tree") { Description = "Tree name" };
        var branch = new Option<string?>("--branch") { Description = "Branch" };
        var origin = new Option<string?>("--origin") { Description = "KCIDB origin (all by default)" };
        var platform = new Option<string?>("--platform") { Description = "Platform" };
        var path = new Option<string?>("--path") { Description = "Test path, or its prefix before a dot" };
        var state = new Option<string>("--state") { Description = "open, fixed, closed, invalid or all", DefaultValueFactory = _ => "open" };
        state.AcceptOnlyFromAmong("open", "fixed", "closed", "invalid", "all");
        var flaky = new Option<bool>("--flaky") { Description = "List the flaky series instead" };
        var limit = new Option<int>("--limit") { Description = "At most this many (1-500)", DefaultValueFactory = _ => 100 };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("regressions", "Regressions found in the results (first bad commit, last good one), or flaky series")
        {
            tree, branch, origin, platform, path, state, flaky, limit, json,
        };
        command.Subcommands.Add(RegressionMarkCommand.Create(context));
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            if (session.Value(limit) is < 1 or > 500)
            {
                throw new CliException($"--limit {session.Value(limit)}: must be from 1 to 500");
            }

            var parameters = new List<KeyValuePair<string, string?>> { new("limit", session.Value(limit).ToString(CultureInfo.InvariantCulture)) };
            foreach (var (name, option) in new[] { ("tree_name", tree), ("git_repository_branch", branch), ("origin", origin), ("platform", platform), ("path", path) })
            {
                if (session.Value(option) is { } value)
                {
                    parameters.Add(new(name, value));
                }
            }

            if (!session.Value(flaky))
            {
                parameters.Add(new("state", session.Value(state)));
            }

            var page = await session.Dashboard().GetAsync(session.Value(flaky) ? "flaky" : "regressions", parameters, cancellationToken) as JsonObject;
            var items = page?["items"] as JsonArray ?? [];
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, items.DeepClone());
                return ExitCodes.Success;
            }

            foreach (var item in items.OfType<JsonObject>())
            {
                ResultText.Line(session.Console, session.Value(flaky) ? Flaky(item) : Regression(item));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Series(JsonObject item) =>
        $"{ResultText.Esc(Text(item, "kind") == "build" ? "build" : Text(item, "path"))}"
        + (Text(item, "platform") is { Length: > 0 } p ? $" on {ResultText.Esc(p)}" : "")
        + $" ({ResultText.Esc(Text(item, "config_name"))}, {ResultText.Esc(Text(item, "architecture"))}, {ResultText.Esc(Text(item, "compiler"))})"
        + $" {ResultText.Esc(Text(item, "tree_name"))}/{ResultText.Esc(Text(item, "git_repository_branch"))} [[{ResultText.Esc(Text(item, "origin"))}]]";

    private static string Regression(JsonObject item)
    {
        var colour = Text(item, "state") == "open" ? "red" : "green";
        var failures = (item["failures"] as JsonArray)?.Count ?? 0;
        return $"[{colour}]{ResultText.Esc(Text(item, "state"))}[/] {Series(item)}: last good [cyan]{Short(item, "last_good_commit")}[/],"
            + $" first bad [cyan]{Short(item, "first_bad_commit")}[/], {failures} failure{(failures == 1 ? "" : "s")}"
            + (Text(item, "fixed_by_commit") is { Length: > 0 } fixedBy ? $", fixed by [cyan]{ResultText.Esc(fixedBy[..Math.Min(12, fixedBy.Length)])}[/]" : "")
            + (Text(item, "culprit_commit") is { Length: > 0 } culprit
                ? $", culprit [cyan]{ResultText.Esc(culprit[..Math.Min(12, culprit.Length)])}[/] ({ResultText.Esc(Text(item, "culprit_subject"))})" : "")
            + $" (id {ResultText.Esc(Text(item, "id"))})";
    }

    private static string Flaky(JsonObject item) =>
        $"[yellow]flaky[/] {Series(item)}: flips {((double?)item["flip_rate"] ?? 0).ToString("P0", CultureInfo.InvariantCulture)} of the time"
        + (Text(item, "flaky_since") is { Length: > 0 } since ? $" since {ResultText.Esc(since)}" : "");

    private static string Short(JsonObject item, string name) => ResultText.Esc(Text(item, name) is { Length: > 12 } t ? t[..12] : Text(item, name));

    private static string Text(JsonObject item, string name) => ResultText.Str(item[name]) ?? "";
}
