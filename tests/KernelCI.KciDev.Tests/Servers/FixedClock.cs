namespace KernelCI.KciDev.Tests.Servers;

/// <summary>A clock stopped at one instant, for output that contains "now".</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
