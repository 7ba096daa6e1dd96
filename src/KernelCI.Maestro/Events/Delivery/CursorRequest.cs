namespace KernelCI.Maestro.Events.Delivery;

/// <summary>One long poll's request to advance a subscription's cursor, with the claims of the caller's token: the
/// statement that advances it checks the user (active, token version not revoked) and ownership itself.
/// <see cref="Ack"/> is the poll's explicit acknowledgement (`?ack=SEQ`, ours): the `_sequence_id` of the last event
/// the subscriber has processed, so that the next one after it is handed out, again if its reply was lost. Null is
/// upstream's implicit acknowledgement of whatever was handed out last.</summary>
internal sealed record CursorRequest(long Id, string UserId, int TokenVersion, long? Ack = null);
