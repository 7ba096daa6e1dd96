using KernelCI.Pipeline.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Services.SendKcidb;

/// <summary>send-kcidb: follows every node event (promiscuous) for prompt delivery, and sweeps for unprocessed nodes
/// at start and every <see cref="BridgeOptions.SweepInterval"/>, which is what guarantees delivery when events were
/// lost or the bridge was down (upstream's batch mode, kernelci-pipeline#883).</summary>
internal sealed class SendKcidbService(EventLoop loop, KcidbSender sender, BridgeOptions options, TimeProvider timeProvider,
    ILogger<SendKcidbService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(loop.RunAsync("send-kcidb", "node", promiscuous: true, sender.HandleEventAsync, stoppingToken), SweepLoopAsync(stoppingToken));

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SweepInterval, timeProvider);
        do
        {
            try
            {
                await sender.SweepAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                SendKcidbLog.SweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
