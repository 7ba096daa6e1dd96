namespace KernelCI.Maestro.Events;

/// <summary>One long poll's request to advance a subscription's cursor, on behalf of <see cref="User"/>.</summary>
internal sealed record CursorRequest(long Id, string User, bool Admin);
