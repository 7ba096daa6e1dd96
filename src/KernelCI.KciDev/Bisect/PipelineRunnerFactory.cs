using KernelCI.Client.Bisection;
using KernelCI.Client.Maestro;
using KernelCI.Client.Pipeline;
using KernelCI.Client.Watching;
using KernelCI.KciDev.Cli;

namespace KernelCI.KciDev.Bisect;

/// <summary>The production step runner: the instance's pipeline API for the checkouts (30 s per request, as upstream's
/// checkout) and its Maestro API for the events, on a connection that stays open while a step builds and boots.</summary>
internal static class PipelineRunnerFactory
{
    public static IBisectStepRunner Create(CommandSession session, BisectState state, BisectPrinter printer)
    {
        var instance = session.RequireInstance();
        var pipelineUrl = CommandSession.ParseUrl(CommandSession.Require(instance, instance.Pipeline, "pipeline"), "pipeline");
        var apiUrl = CommandSession.ParseUrl(CommandSession.Require(instance, instance.Api, "api"), "api");
        var pipeline = new PipelineClient(session.CreateHttpClient(pipelineUrl, TimeSpan.FromSeconds(30)), instance.Token);
        // The token is the pipeline API's; Maestro's node reads and event stream are public.
        var maestro = new MaestroClient(session.CreateHttpClient(new Uri(apiUrl, "latest/"), Timeout.InfiniteTimeSpan));
        return new PipelineStepRunner(pipeline, maestro, new NodeWatcher(maestro, session.Context.Time), PipelineStepRequest.From(state),
            new Progress(printer));
    }

    /// <summary>Each watched node's change as a line under the step.</summary>
    private sealed class Progress(BisectPrinter printer) : IProgress<WatchUpdate>
    {
        public void Report(WatchUpdate value)
        {
            if (value is { Kind: WatchUpdateKind.NodeChanged, Node: { } node })
            {
                printer.Detail($"{node.Name} {node.Id}: {node.State}" + (node.Result is { } result ? "/" + result : ""));
            }
            else if (value.Kind is WatchUpdateKind.WaitingForTest or WatchUpdateKind.Reconnecting)
            {
                printer.Detail(value.Kind == WatchUpdateKind.Reconnecting ? "Maestro connection lost, reconnecting: " + value.Detail : "jobs done, waiting for the test result");
            }
        }
    }
}
