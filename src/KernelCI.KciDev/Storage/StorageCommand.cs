using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Storage;

/// <summary>`kci-dev storage …`: kernelci-storage uploads and token checks; needs no config file (kci-dev.md §2.3).</summary>
internal static class StorageCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("storage", "Upload files to KernelCI storage and check a storage token");
        command.Subcommands.Add(StorageUploadCommand.Create(context));
        command.Subcommands.Add(StorageCheckAuthCommand.Create(context));
        return command;
    }
}
