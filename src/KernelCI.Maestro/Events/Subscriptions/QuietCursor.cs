using KernelCI.Maestro.Events.Delivery;

namespace KernelCI.Maestro.Events.Subscriptions;

/// <summary>A cursor this replica left at the end of the log: at signal <see cref="Generation"/> of its channel, for
/// the caller <see cref="Request"/>, on <see cref="Channel"/>, at <see cref="At"/>.</summary>
internal sealed record QuietCursor(CursorRequest Request, string Channel, (long Unknown, long Channel) Generation, DateTimeOffset At);
