using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results;

/// <summary>`results boot --id ID`: one boot, read from `test/{id}` as upstream does (kci-dev.md §3.1).</summary>
internal static class BootCommand
{
    public static Command Create(CliContext context) => TestItemCommand.Create(context, "boot", "Show one boot");
}
