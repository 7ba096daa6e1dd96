using System.CommandLine;

namespace KernelCI.Host.Lab;

/// <summary>`kernelci lab`: what a lab owner runs on the lab's side.</summary>
internal static class LabCommand
{
    public static Command Create(IAppConsole console) => new("lab", "Run a lab's side of the pipeline") { LabPullCommand.Create(console) };
}
