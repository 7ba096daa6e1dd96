using System.CommandLine;
using KernelCI.KciDev.Bisect;
using KernelCI.KciDev.Results;

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
        root.Subcommands.Add(ResultsCommand.Create(context));
        root.Subcommands.Add(BisectCommand.Create(context));
        return root;
    }
}
