using System.Collections.Immutable;

namespace KernelCI.Maestro.Events.WakeUps;

/// <summary>Wake-ups so far: those that named no channel, and per channel those that named it.</summary>
internal sealed record SignalState(long Unknown, ImmutableDictionary<string, long> Channels)
{
    /// <summary>Changes whenever a wake-up may concern <paramref name="channel"/>.</summary>
    public (long Unknown, long Channel) Of(string channel) => (Unknown, Channels.GetValueOrDefault(channel));
}
