using System.Text.Json;
using System.Text.Json.Nodes;
using KernelCI.Client.Bisection;
using KernelCI.Client.Maestro;
using KernelCI.Client.Watching;

namespace KernelCI.Pipeline.Services.Bisection;

/// <summary>Each step as kci-dev bisect's (the same <see cref="PipelineStepRunner"/>: build the commit, run the job, watch
/// the nodes to the test's verdict), except that the pipeline creates the step's checkout node itself, as the checkout
/// API would for a developer (src/KernelCI.Pipeline/Api/CheckoutEndpoint.cs), instead of calling its own API. The
/// watcher has a Maestro client of its own without a request timeout: its event stream stays open while a step builds.</summary>
internal sealed class PipelineBisectionStepRunners(PipelineOptions options, TimeProvider time) : IBisectionStepRunners
{
    private readonly MaestroClient _maestro = new(new HttpClient
    {
        BaseAddress = new Uri(options.MaestroUrl!.EndsWith('/') ? options.MaestroUrl : options.MaestroUrl + "/"),
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    }, options.MaestroToken);

    public IBisectStepRunner Create(BisectionPlan plan) =>
        new InfrastructureSkipRunner(new PipelineStepRunner((request, ct) => CheckoutAsync(plan, request, ct), _maestro, new NodeWatcher(_maestro, time),
            new PipelineStepRequest(plan.Url, plan.Branch, plan.JobFilter, plan.PlatformFilter, plan.Test)), plan.Test);

    private async Task<JsonObject> CheckoutAsync(BisectionPlan plan, Client.Pipeline.CheckoutRequest request, CancellationToken cancellationToken)
    {
        var node = Api.OneCommitCheckout.Node(plan.Tree, request.Url, request.Branch, request.Commit, "service:pipeline",
            time.GetUtcNow().UtcDateTime, request.JobFilter, request.PlatformFilter, plan.RegressionId);
        try
        {
            var created = await _maestro.CreateNodeAsync(node, cancellationToken);
            return new JsonObject { ["node"] = JsonSerializer.SerializeToNode(created, MaestroJson.Options) };
        }
        catch (MaestroClientException e) when ((int)e.StatusCode >= 500)
        {
            throw new BisectStepException("Maestro: " + e.Message, e);
        }
    }
}
