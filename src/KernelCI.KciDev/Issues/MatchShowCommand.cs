using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`issues match show ID`.</summary>
internal static class MatchShowCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var id = new Argument<string>("id") { Description = "The known issue's id (ORIGIN:known_NAME)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("show", "Show one known issue") { id, json };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var reply = await KcidbAdminClient.Create(session, flags)
                .SendAsync(HttpMethod.Get, "known-issues/" + Uri.EscapeDataString(session.Value(id)!), null, cancellationToken);
            await KnownIssueText.WriteAsync(session, reply, session.Value(json));
            return ExitCodes.Success;
        });
        return command;
    }
}
