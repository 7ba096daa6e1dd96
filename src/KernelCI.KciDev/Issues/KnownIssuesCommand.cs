using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`kci-dev issues …`: ours, not upstream's kci-dev: known issues on our KCIDB listener (docs/kci-dev.md,
/// "issues match"). Reading issues from the dashboard stays `results issues`.</summary>
internal static class KnownIssuesCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("issues", "Known issues on KCIDB (ours): issues with matchers that mark matching results of any origin");
        var match = new Command("match", "Known issues' matchers: add, list, show, update, delete");
        match.Subcommands.Add(MatchAddCommand.Create(context));
        match.Subcommands.Add(MatchListCommand.Create(context));
        match.Subcommands.Add(MatchShowCommand.Create(context));
        match.Subcommands.Add(MatchUpdateCommand.Create(context));
        match.Subcommands.Add(MatchDeleteCommand.Create(context));
        command.Subcommands.Add(match);
        return command;
    }
}
