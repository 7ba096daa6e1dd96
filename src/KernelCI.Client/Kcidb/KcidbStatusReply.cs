namespace KernelCI.Client.Kcidb;

/// <summary>The reply to GET /status: inprogress, ready, processed, failed (with the reasons) or notfound.</summary>
public sealed record KcidbStatusReply(string Id, string Status, IReadOnlyList<string>? Errors = null);
