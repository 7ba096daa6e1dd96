using System.Text.Json.Nodes;
using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;
using Spectre.Console;

namespace KernelCI.KciDev.Jobs;

/// <summary>What checkout and patchset print of the pipeline's reply, as upstream: `message`, `treeid: …`,
/// `checkout_nodeid: …` (or `patchset_nodeid: …`).</summary>
internal static class NodeReply
{
    public static (string? TreeId, string? NodeId) Print(IAnsiConsole console, JsonObject reply, string nodeIdLabel)
    {
        if (reply["message"]?.ToString() is { } message)
        {
            console.MarkupLineInterpolated($"[green]{message}[/]");
        }

        var node = reply["node"] as JsonObject;
        var treeId = node?["treeid"]?.ToString();
        var nodeId = node?["id"]?.ToString();
        if (treeId is not null)
        {
            console.MarkupLineInterpolated($"[green]treeid: {treeId}[/]");
        }

        if (nodeId is not null)
        {
            console.MarkupLineInterpolated($"[green]{nodeIdLabel}: {nodeId}[/]");
        }

        return (treeId, nodeId);
    }

    /// <summary>The watch of the new node's tree; without a treeid in the reply there is nothing to watch.</summary>
    public static WatchRequest Watching(IAnsiConsole console, string? treeId, string root, IReadOnlyList<string> jobs, string? test)
    {
        if (treeId is null)
        {
            throw new CliException("the pipeline's reply has no treeid: can't watch for the jobs");
        }

        console.MarkupLineInterpolated($"[green]Watching for jobs on treeid: {treeId}[/]");
        if (test is not null)
        {
            console.MarkupLineInterpolated($"[green]Watching for test result: {test}[/]");
        }

        return new WatchRequest(treeId, root, jobs, test);
    }
}
