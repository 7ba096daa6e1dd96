using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Config;
using KernelCI.KciDev.Jobs;
using Spectre.Console;

namespace KernelCI.KciDev.Watch;

/// <summary>Runs the watch engine for checkout, patchset and watch, shows its progress (a live table on a terminal, lines
/// otherwise) and returns upstream's exit code (kci-dev.md §3.2).</summary>
internal static class WatchRunner
{
    public static async Task<int> RunAsync(CommandSession session, InstanceSettings instance, WatchRequest request, CancellationToken cancellationToken)
    {
        var watcher = new NodeWatcher(PipelineConnection.Maestro(session, instance), session.Context.Time);
        var console = session.Console;
        WatchOutcome outcome;
        try
        {
            if (console.IsTerminal)
            {
                var table = LiveProgress.NewTable(request.TreeId);
                outcome = await console.Ansi.Live(table).StartAsync(context => watcher.WatchAsync(request, new LiveProgress(table, context), cancellationToken));
            }
            else
            {
                outcome = await watcher.WatchAsync(request, new PlainProgress(console), cancellationToken);
            }
        }
        catch (HttpRequestException e) when (e.StatusCode is null)
        {
            throw new CliException("Maestro API: cannot reach the server: " + (e.InnerException?.Message ?? e.Message), ExitCodes.MaestroError);
        }

        await ReportAsync(console, request, outcome);
        return outcome.ExitCode;
    }

    private static async Task ReportAsync(KciConsole console, WatchRequest request, WatchOutcome outcome)
    {
        switch (outcome.Verdict)
        {
            case WatchVerdict.Finished:
                console.Ansi.WriteLine("All jobs completed");
                break;
            case WatchVerdict.TestPassed or WatchVerdict.TestFailed:
                console.Ansi.Write("Test result: ");
                NodeLine.Write(console.Ansi, outcome.Deciding!);
                break;
            case WatchVerdict.PrerequisiteFailed:
                // Upstream's words (kernelci/kci-dev:kcidev/libs/maestro_common.py).
                await console.Error.WriteLineAsync($"Job {outcome.Deciding!.Name} failed, test can't be executed");
                break;
            case WatchVerdict.TestResultMissing:
                await console.Error.WriteLineAsync($"Test {request.TestName} result was not available after {request.TestResultWait.TotalSeconds:0}s");
                break;
        }
    }
}
