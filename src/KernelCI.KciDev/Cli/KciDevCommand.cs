using System.CommandLine;
using KernelCI.KciDev.Bisect;
using KernelCI.KciDev.Checkout;
using KernelCI.KciDev.Completion;
using KernelCI.KciDev.Config;
using KernelCI.KciDev.Maestro;
using KernelCI.KciDev.Mcp;
using KernelCI.KciDev.Patchset;
using KernelCI.KciDev.Results;
using KernelCI.KciDev.Storage;
using KernelCI.KciDev.Submit;
using KernelCI.KciDev.TestRetry;
using KernelCI.KciDev.Watch;

namespace KernelCI.KciDev.Cli;

/// <summary>The command tree of kci-dev.md §2: upstream's names, one class per command.</summary>
internal static class KciDevCommand
{
    public static RootCommand Create(CliContext context)
    {
        var root = new RootCommand("kci-dev: KernelCI from your terminal (test commits and patches, watch, results, compare, bisect)");
        foreach (var option in GlobalOptions.All)
        {
            root.Options.Add(option);
        }

        // One line per command group; each group lives in its own feature folder.
        root.Subcommands.Add(ConfigCommand.Create(context));
        root.Subcommands.Add(CheckoutCommand.Create(context));
        root.Subcommands.Add(PatchsetCommand.Create(context));
        root.Subcommands.Add(TestRetryCommand.Create(context));
        root.Subcommands.Add(WatchCommand.Create(context));
        root.Subcommands.Add(BisectCommand.Create(context));
        root.Subcommands.Add(ResultsCommand.Create(context));
        root.Subcommands.Add(MaestroCommand.Create(context));
        root.Subcommands.Add(SubmitCommand.Create(context));
        root.Subcommands.Add(Issues.KnownIssuesCommand.Create(context));
        root.Subcommands.Add(StorageCommand.Create(context));
        root.Subcommands.Add(Subscriptions.SubscriptionsCommand.Create(context));
        root.Subcommands.Add(McpCommand.Create(context));
        root.Subcommands.Add(CompletionCommand.Create(context));
        return root;
    }
}
