using System.CommandLine;
using KernelCI.Client.Pipeline;
using KernelCI.KciDev.Cli;
using Spectre.Console;
using KernelCI.KciDev.Jobs;

namespace KernelCI.KciDev.TestRetry;

/// <summary>`testretry`: asks the pipeline API to run a job (or a test's job) again; exit 1 if it is refused
/// (kci-dev.md §2.1; kernelci/kci-dev:kcidev/subcommands/testretry.py).</summary>
internal static class TestRetryCommand
{
    public static Command Create(CliContext context)
    {
        var nodeId = new Option<string?>("--nodeid") { Description = "The job or test node to run again (required)" };
        var command = new Command("testretry", "Run a job again") { nodeId };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var instance = session.RequireInstance();
            var node = string.IsNullOrWhiteSpace(session.Value(nodeId)) ? throw new CliException("--nodeid: required") : session.Value(nodeId)!;
            // 10 s to connect and 60 s to read upstream: one 70 s budget here.
            var pipeline = PipelineConnection.Pipeline(session, instance, TimeSpan.FromSeconds(70));
            string message;
            try
            {
                message = await pipeline.JobRetryAsync(node, cancellationToken);
            }
            catch (PipelineClientException e)
            {
                throw new CliException($"test retry request for node {node} failed: {e.Message}", ExitCodes.Failure);
            }

            session.Console.Ansi.MarkupLineInterpolated($"[green]{message}[/]");
            return ExitCodes.Success;
        });
        return command;
    }
}
