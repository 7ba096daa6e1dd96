using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Events;

/// <summary>Runs a call against another component until it succeeds, waiting longer after each transient failure
/// (up to <see cref="MaxDelay"/>), so that a component restarting or briefly down loses nothing. Other failures are
/// thrown at once.</summary>
public sealed class Retry(TimeProvider timeProvider, ILogger<Retry> logger)
{
    public static TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    public static TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = FirstDelay;
        while (true)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (Exception e) when (Transient.Is(e, cancellationToken))
            {
                RetryLog.Failed(logger, what, delay, e.Message);
                await Task.Delay(delay, timeProvider, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, delay.Ticks * 2));
            }
        }
    }

    public Task RunAsync(string what, Func<CancellationToken, Task> call, CancellationToken cancellationToken) =>
        RunAsync(what, async ct =>
        {
            await call(ct);
            return true;
        }, cancellationToken);
}
