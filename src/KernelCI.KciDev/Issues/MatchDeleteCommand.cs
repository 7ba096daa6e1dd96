using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Issues;

/// <summary>`issues match delete ID`: no new incidents; the KCIDB issue and its incidents stay.</summary>
internal static class MatchDeleteCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new KcidbFlags();
        var id = new Argument<string>("id") { Description = "The known issue's id (ORIGIN:known_NAME)" };
        var command = new Command("delete", "Delete a known issue's matcher (the issue and its incidents stay)") { id };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            await KcidbAdminClient.Create(session, flags)
                .SendAsync(HttpMethod.Delete, "known-issues/" + Uri.EscapeDataString(session.Value(id)!), null, cancellationToken);
            await session.Console.Out.WriteLineAsync($"Deleted the matcher of {session.Value(id)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
