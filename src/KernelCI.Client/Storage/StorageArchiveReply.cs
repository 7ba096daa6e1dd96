namespace KernelCI.Client.Storage;

/// <summary>The /v1/archive reply: Status is "ok", "partial_failure" or "error".</summary>
public sealed record StorageArchiveReply(string Status, int Uploaded, int Failed, long Bytes, string Prefix, IReadOnlyList<string> Failures);
