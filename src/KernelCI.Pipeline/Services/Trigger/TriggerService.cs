using Microsoft.Extensions.Hosting;

namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>Polls every <see cref="TriggerOptions.PollPeriod"/> (once when zero), after the startup delay.</summary>
internal sealed class TriggerService(CheckoutTrigger trigger, TriggerOptions options, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.StartupDelay > TimeSpan.Zero)
        {
            await Task.Delay(options.StartupDelay, timeProvider, stoppingToken);
        }

        await trigger.PollAsync(stoppingToken);
        if (options.PollPeriod <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.PollPeriod, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await trigger.PollAsync(stoppingToken);
        }
    }
}
