namespace KernelCI.Pipeline.Tests.Services.SendKcidb;

/// <summary>Waits for another component's asynchronous work (KCIDB ingestion, the bridge's marking) to show.</summary>
internal static class Eventually
{
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        do
        {
            if (await condition())
            {
                return true;
            }
        }
        while (await WaitAsync(timer, deadline.Token));

        return await condition();
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
