using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>`subscriptions delete ID [--token T]`: the owner (manage token) deletes its own, an admin any.</summary>
internal static class SubscriptionDeleteCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new CallerFlags();
        var id = new Argument<string>("id") { Description = "The subscription's id (from `subscriptions list`)" };
        var command = new Command("delete", "Delete a subscription (its address's manage token, or an admin token)") { id };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            await SubscriptionsConnection.Client(session).DeleteAsync(SubscriptionsConnection.Caller(session, flags), session.Value(id)!, cancellationToken);
            await session.Console.Out.WriteLineAsync($"Deleted subscription {session.Value(id)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
