using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>A pull lab's result arriving on the callback route (Api/LavaCallbackEndpoint.cs): it ends the claim and
/// its lease, and counts as the worker being seen.</summary>
internal sealed class PullResults(PullClaimStore claims, PullLeases leases, ILogger<PullResults> logger)
{
    public async Task ReportedAsync(string nodeId, CancellationToken cancellationToken)
    {
        if (await claims.ReportedAsync(nodeId, cancellationToken) is not { } claim)
        {
            return;
        }

        leases.Disarm(nodeId);
        await claims.SeenAsync(claim.Lab, claim.Worker, cancellationToken);
        PullLabsLog.Reported(logger, claim.Lab, nodeId, claim.Worker);
    }
}
