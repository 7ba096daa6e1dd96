using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Subscriptions;

/// <summary>`kci-dev subscriptions …`: ours, not upstream's. Email reports of regressions through the dashboard
/// listener's `/api/subscriptions` (docs/kci-dev.md, "subscriptions"; docs/notifications.md, "Subscribing").</summary>
internal static class SubscriptionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("subscriptions", "Email reports of regressions (ours): add, list, delete subscriptions");
        command.Subcommands.Add(SubscriptionAddCommand.Create(context));
        command.Subcommands.Add(SubscriptionListCommand.Create(context));
        command.Subcommands.Add(SubscriptionDeleteCommand.Create(context));
        return command;
    }
}
