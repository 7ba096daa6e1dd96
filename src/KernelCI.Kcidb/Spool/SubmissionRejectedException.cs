namespace KernelCI.Kcidb.Spool;

/// <summary>A submission refused before it reached the spool, with the HTTP status to answer.</summary>
public sealed class SubmissionRejectedException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}
