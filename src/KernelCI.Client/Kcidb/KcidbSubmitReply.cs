namespace KernelCI.Client.Kcidb;

/// <summary>The reply to POST /submit: the spool id, "ok" or "error", and a message.</summary>
public sealed record KcidbSubmitReply(string Id, string Status, string Message);
