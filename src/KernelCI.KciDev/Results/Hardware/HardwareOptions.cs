using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`--name` (required), `--origin` and `--json`, common to the hardware subcommands but `list`.</summary>
internal sealed class HardwareOptions
{
    public Option<string> Name { get; } = new("--name") { Description = "Hardware: a platform or a compatible", Required = true };

    public Option<string> Origin { get; } = new("--origin") { Description = "KCIDB origin", DefaultValueFactory = _ => "maestro" };

    public Option<bool> Json { get; } = new("--json") { Description = "Print JSON" };

    public void AddTo(Command command)
    {
        command.Options.Add(Name);
        command.Options.Add(Origin);
        command.Options.Add(Json);
    }

    public (string Name, HardwareWindow Window) Read(CommandSession session, CliContext context)
    {
        var name = session.Value(Name);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliException("--name: give a platform or compatible");
        }

        return (name, HardwareWindow.LastWeek(session.Value(Origin)!, context.Time));
    }
}
