namespace KernelCI.Client.Storage;

/// <summary>How often and how patiently to retry on 5xx, 408, 429 and connection errors (never on other 4xx).</summary>
public sealed record StorageRetryPolicy(int Attempts = 5, TimeSpan? FirstDelay = null, TimeSpan? MaxDelay = null)
{
    public TimeSpan DelayBefore(int retry)
    {
        var first = FirstDelay ?? TimeSpan.FromSeconds(1);
        var max = MaxDelay ?? TimeSpan.FromSeconds(30);
        return TimeSpan.FromTicks(Math.Min(max.Ticks, first.Ticks * (1L << Math.Min(retry, 20))));
    }
}
