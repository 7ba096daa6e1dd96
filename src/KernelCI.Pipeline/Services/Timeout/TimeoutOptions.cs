namespace KernelCI.Pipeline.Services.Timeout;

/// <summary>How often the timeout, holdoff and closing sweeps run (upstream: every 60 s).</summary>
public sealed record TimeoutOptions
{
    public TimeSpan Period { get; init; } = TimeSpan.FromSeconds(60);
}
