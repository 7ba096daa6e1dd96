using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>`subscriptions list [--token T | --address A] [--json]`: the manage token's address's subscriptions, or, with
/// the instance's admin token, any address's.</summary>
internal static class SubscriptionListCommand
{
    public static Command Create(CliContext context)
    {
        var flags = new CallerFlags();
        var address = new Option<string?>("--address") { Description = "Whose subscriptions (admin token only)" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("list", "List subscriptions: an address's by its manage token, or any by an admin token") { address, json };
        flags.AddTo(command);
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var caller = SubscriptionsConnection.Caller(session, flags);
            if (session.Value(address) is not null && caller.ManageToken is not null)
            {
                throw new CliException("--address: a manage token lists its own address's subscriptions; --address needs an admin token");
            }

            var listed = await SubscriptionsConnection.Client(session).ListAsync(caller, session.Value(address), cancellationToken);
            if (session.Value(json))
            {
                await JsonOutput.WriteAsync(session.Console, listed);
                return ExitCodes.Success;
            }

            if (listed.Count == 0)
            {
                await session.Console.Out.WriteLineAsync("No subscriptions");
            }

            foreach (var item in listed.OfType<System.Text.Json.Nodes.JsonObject>())
            {
                await session.Console.Out.WriteLineAsync(SubscriptionText.Line(item));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
