namespace KernelCI.Maestro.Events;

/// <summary>One long poll's request to advance a subscription's cursor, with the claims of the caller's token: the
/// statement that advances it checks the user (active, token version not revoked) and ownership itself.</summary>
internal sealed record CursorRequest(long Id, string UserId, int TokenVersion);
