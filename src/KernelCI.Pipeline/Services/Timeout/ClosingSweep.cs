using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

internal sealed class ClosingSweep(NodeSweeper sweeper, TimeoutOptions options, TimeProvider timeProvider, ILogger<ClosingSweep> logger)
    : PeriodicSweep("closing", options, timeProvider, logger)
{
    protected override Task SweepAsync(CancellationToken cancellationToken) => sweeper.ClosingAsync(cancellationToken);
}
