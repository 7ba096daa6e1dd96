using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`issues match list`: every known issue with its matcher, one a line.</summary>
internal static class MatchListCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List the known issues and their matchers") { json };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var reply = await KcidbAdminClient.Create(session, flags).SendAsync(HttpMethod.Get, "known-issues", null, cancellationToken);
            await KnownIssueText.WriteAsync(session, session.Value(json) ? reply?["items"] : reply, session.Value(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
