namespace KernelCI.Pipeline.Services.Trigger;

/// <summary>Upstream's `[trigger]` settings and `--force`.</summary>
public sealed record TriggerOptions
{
    /// <summary>Time between polls; zero polls once and stops (upstream's poll_period 0).</summary>
    public TimeSpan PollPeriod { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Wait before the first poll, e.g. to let the other services subscribe first.</summary>
    public TimeSpan StartupDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Create a checkout even when one exists for the head commit or the frequency window is not over.</summary>
    public bool Force { get; init; }

    /// <summary>The checkout's timeout after its creation (upstream's --timeout, in minutes).</summary>
    public TimeSpan CheckoutTimeout { get; init; } = TimeSpan.FromMinutes(180);
}
