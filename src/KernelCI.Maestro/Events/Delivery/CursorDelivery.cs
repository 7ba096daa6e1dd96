namespace KernelCI.Maestro.Events.Delivery;

/// <summary>What one long poll's cursor advance gave: the subscription's channel and, if there was a next event, the
/// whole /listen reply for it.</summary>
internal sealed record CursorDelivery(string Channel, string? Reply);
