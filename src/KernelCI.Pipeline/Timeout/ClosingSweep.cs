using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Timeout;

internal sealed class ClosingSweep(NodeSweeper sweeper, TimeoutOptions options, TimeProvider timeProvider, ILogger<ClosingSweep> logger)
    : PeriodicSweep("closing", options, timeProvider, logger)
{
    protected override Task SweepAsync(CancellationToken cancellationToken) => sweeper.ClosingAsync(cancellationToken);
}
