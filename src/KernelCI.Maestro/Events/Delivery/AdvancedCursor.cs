namespace KernelCI.Maestro.Events.Delivery;

/// <summary>A subscription's cursor after one advance: the event at <see cref="Delivered"/> is to be sent when it is
/// past <see cref="Acked"/>.</summary>
internal sealed record AdvancedCursor(long Id, string Channel, long Acked, long Delivered);
