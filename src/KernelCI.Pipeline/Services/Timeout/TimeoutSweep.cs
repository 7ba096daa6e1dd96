using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

internal sealed class TimeoutSweep(NodeSweeper sweeper, TimeoutOptions options, TimeProvider timeProvider, ILogger<TimeoutSweep> logger)
    : PeriodicSweep("timeout", options, timeProvider, logger)
{
    protected override Task SweepAsync(CancellationToken cancellationToken) => sweeper.TimeoutAsync(cancellationToken);
}
