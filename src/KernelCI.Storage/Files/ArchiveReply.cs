namespace KernelCI.Storage.Files;

/// <summary>Upstream's /v1/archive reply; Status is "ok", "partial_failure" or "error".</summary>
internal sealed record ArchiveReply(string Status, int Uploaded, int Failed, long Bytes, string Prefix, IReadOnlyList<string> Failures)
{
    public static ArchiveReply Error(string prefix, string message) => new("error", 0, 0, 0, prefix, [message]);
}
