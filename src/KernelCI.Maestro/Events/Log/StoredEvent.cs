namespace KernelCI.Maestro.Events.Log;

/// <summary>One row of the event log. <see cref="Envelope"/> is the CloudEvent without `owner` and `_sequence_id`.</summary>
internal sealed record StoredEvent(long Sequence, string Channel, string? Owner, string Timestamp, string Data, string Envelope);
