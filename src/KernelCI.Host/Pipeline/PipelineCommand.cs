using System.CommandLine;
using KernelCI.Pipeline;

namespace KernelCI.Host.Pipeline;

internal static class PipelineCommand
{
    public static Command Create(IAppConsole console)
    {
        var command = new Command("pipeline", "Run one pipeline service alone, or report on the pipeline")
        {
            PipelinePendingCommand.Create(console),
            PipelineTokenCommand.Create(console),
        };
        foreach (var name in PipelineServices.All.Keys)
        {
            command.Subcommands.Add(PipelineServiceCommand.Create(name, console));
        }

        return command;
    }
}
