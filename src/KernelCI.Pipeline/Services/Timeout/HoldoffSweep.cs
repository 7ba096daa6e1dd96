using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

internal sealed class HoldoffSweep(NodeSweeper sweeper, TimeoutOptions options, TimeProvider timeProvider, ILogger<HoldoffSweep> logger)
    : PeriodicSweep("holdoff", options, timeProvider, logger)
{
    protected override Task SweepAsync(CancellationToken cancellationToken) => sweeper.HoldoffAsync(cancellationToken);
}
