using System.CommandLine;
using KernelCI.Host.Kcidb;
using KernelCI.Host.Lab;
using KernelCI.Host.Pipeline;
using KernelCI.Host.Serve;
using KernelCI.Host.SmtpSink;
using KernelCI.Host.Storage;
using KernelCI.Host.Users;

namespace KernelCI.Host;

public static class KernelCiCommand
{
    public static RootCommand Create(IAppConsole console)
    {
        var root = new RootCommand("KernelCI: Maestro API, pipeline, KCIDB, storage and dashboard in one host");
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(KcidbCommand.Create(console));
        root.Subcommands.Add(StorageCommand.Create(console));
        root.Subcommands.Add(UsersCommand.Create(console));
        root.Subcommands.Add(PipelineCommand.Create(console));
        root.Subcommands.Add(LabCommand.Create(console));
        root.Subcommands.Add(SmtpSinkCommand.Create(console));
        return root;
    }
}
