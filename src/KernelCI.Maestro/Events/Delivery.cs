namespace KernelCI.Maestro.Events;

/// <summary>What one long poll's cursor advance gave: the subscription's channel and, if there was one, the next
/// event rendered as the CloudEvent JSON of a /listen message.</summary>
internal sealed record Delivery(string Channel, string? CloudEvent);
