using System.CommandLine;
using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;
using KernelCI.KciDev.Jobs;

namespace KernelCI.KciDev.Watch;

/// <summary>`watch`: follows the jobs of a node's tree until they finish (kci-dev.md §2.1, §3.2;
/// kernelci/kci-dev:kcidev/subcommands/watch.py): the node gives the tree id, and its name the root (`patchset` or
/// `checkout`).</summary>
internal static class WatchCommand
{
    public static Command Create(CliContext context)
    {
        var nodeId = new Option<string?>("--nodeid") { Description = "A node of the tree to watch, e.g. the checkout's (required)" };
        var jobFilter = new Option<string[]>("--job-filter") { Description = "Job to watch (required); repeat for more", Arity = ArgumentArity.ZeroOrMore };
        var test = new Option<string?>("--test") { Description = "Exit 0 if this test passes, 1 if not, 2 if it could not run" };
        var command = new Command("watch", "Follow the jobs of a tree until they finish") { nodeId, jobFilter, test };
        command.SetKciAction(context, async (session, cancellationToken) =>
        {
            var instance = session.RequireInstance();
            var id = string.IsNullOrWhiteSpace(session.Value(nodeId)) ? throw new CliException("--nodeid: required") : session.Value(nodeId)!;
            var jobs = session.Value(jobFilter) is { Length: > 0 } given ? given : throw new CliException("--job-filter: required (the jobs to watch)");
            var maestro = PipelineConnection.Maestro(session, instance);
            Client.Maestro.MaestroNode? node;
            try
            {
                node = await maestro.GetNodeAsync(id, cancellationToken);
            }
            catch (HttpRequestException e) when (e.StatusCode is null)
            {
                throw new CliException("Maestro API: cannot reach the server: " + (e.InnerException?.Message ?? e.Message), ExitCodes.MaestroError);
            }

            if (node?.Treeid is not { } treeId)
            {
                throw new CliException(node is null ? $"--nodeid {id}: node not found" : $"--nodeid {id}: the node has no treeid");
            }

            var root = node.Name == "patchset" ? "patchset" : "checkout";
            return await WatchRunner.RunAsync(session, instance, new WatchRequest(treeId, root, jobs, session.Value(test)), cancellationToken);
        });
        return command;
    }
}
