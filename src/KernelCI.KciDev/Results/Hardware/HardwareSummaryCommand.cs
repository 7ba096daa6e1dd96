using System.CommandLine;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Results.Hardware;

/// <summary>`results hardware summary --name N`: pass/fail/inconclusive of the hardware's builds, boots and tests in the
/// last 7 days (POST `hardware/{name}/summary`), printed as `results summary`.</summary>
internal static class HardwareSummaryCommand
{
    public static Command Create(CliContext context)
    {
        var options = new HardwareOptions();
        var command = new Command("summary", "Display a summary of a hardware's results");
        options.AddTo(command);
        HardwareChain.SetAction(command, context, async (session, cancellationToken) =>
        {
            var (name, window) = options.Read(session, context);
            var summary = await session.Dashboard().PostAsync($"hardware/{HardwareWindow.PathSegment(name)}/summary", window.Body(), cancellationToken);
            await SummaryCounts.WriteAsync(session.Console, summary, session.Value(options.Json));
            return ExitCodes.Success;
        });
        return command;
    }
}
