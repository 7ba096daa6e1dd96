using System.CommandLine;
using System.Text.Json;
using KernelCI.Client.Bisection;
using KernelCI.Client.Dashboard;
using KernelCI.Client.Kcidb;
using KernelCI.Client.Maestro;
using KernelCI.Client.Notifications;
using KernelCI.Client.Pipeline;
using KernelCI.Client.Storage;

namespace KernelCI.KciDev.Cli;

/// <summary>The one error mapping of kci-dev: every failure becomes one line on standard error and a non-zero exit code,
/// never a stack trace (issue: "bad config, unknown instance, unreachable server, bad token, error bodies").</summary>
internal static class CliAction
{
    public static void SetKciAction(this Command command, CliContext context, Func<CommandSession, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            var session = new CommandSession(context, parse);
            try
            {
                return await action(session, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C: what was asked of the servers stays asked (a checkout keeps running); the shell's code for SIGINT.
                await context.Console.Error.WriteLineAsync("kci-dev: interrupted");
                return ExitCodes.Interrupted;
            }
            catch (Exception e) when (Describe(e) is { } failure)
            {
                await context.Console.Error.WriteLineAsync("kci-dev: " + failure.Message);
                return failure.ExitCode;
            }
        });

    private static (string Message, int ExitCode)? Describe(Exception e) => e switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        DashboardApiException dashboard => ("dashboard: " + dashboard.Message, ExitCodes.Failure),
        PipelineClientException pipeline => ("pipeline: " + pipeline.Message, ExitCodes.PipelineRefused),
        MaestroClientException maestro => ("Maestro API: " + maestro.Message, ExitCodes.MaestroError),
        KcidbClientException kcidb => ("KCIDB: " + kcidb.Message, ExitCodes.Failure),
        BisectionException bisection => (bisection.Message, ExitCodes.Failure),
        StorageClientException storage => ("storage: " + storage.Message, ExitCodes.Failure),
        // The server's detail alone: it starts with the field at fault (docs/notifications.md, "Subscribing").
        SubscriptionsClientException subscriptions => (subscriptions.Message, ExitCodes.Failure),
        HttpRequestException http => (Unreachable(http), ExitCodes.Failure),
        TaskCanceledException or TimeoutException => ("the server did not answer in time", ExitCodes.Failure),
        JsonException json => ("the server's answer is not the JSON expected: " + json.Message.Split('\n')[0], ExitCodes.Failure),
        IOException io => (io.Message, ExitCodes.Failure),
        UnauthorizedAccessException denied => (denied.Message, ExitCodes.Failure),
        _ => null,
    };

    private static string Unreachable(HttpRequestException e) =>
        e.StatusCode is { } status ? $"HTTP {(int)status}: {e.Message}" : "cannot reach the server: " + (e.InnerException?.Message ?? e.Message);
}
