using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.Timeout;

/// <summary>Runs one sweep at start and then every <see cref="TimeoutOptions.Period"/> on the TimeProvider. A failed
/// sweep (API briefly down) is logged and the next tick tries again.</summary>
internal abstract class PeriodicSweep(string mode, TimeoutOptions options, TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    protected abstract Task SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Period, timeProvider);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                TimeoutLog.SweepFailed(logger, mode, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
