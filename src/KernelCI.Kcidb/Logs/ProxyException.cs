namespace KernelCI.Kcidb.Logs;

/// <summary>Why a log cannot be served, as the status and `{"error"}` message the proxy answers with.</summary>
internal sealed class ProxyException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>`bytes */length` on a 416, so the client learns the log's length.</summary>
    public string? ContentRange { get; init; }
}
