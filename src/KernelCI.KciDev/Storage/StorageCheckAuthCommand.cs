using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Storage;

/// <summary>`storage checkauth`: GET /v1/checkauth with the token; prints who the server says it belongs to.</summary>
internal static class StorageCheckAuthCommand
{
    public static Command Create(CliContext context)
    {
        var target = new StorageTarget();
        var command = new Command("checkauth", "Check the storage token against the server");
        target.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var client = target.Client(session);
            var email = await StorageTarget.CallAsync(() => client.CheckAuthAsync(cancellationToken));
            await session.Console.Out.WriteLineAsync("Authorized: " + email);
            return ExitCodes.Success;
        });
        return command;
    }
}
