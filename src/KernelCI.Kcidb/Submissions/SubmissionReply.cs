namespace KernelCI.Kcidb.Submissions;

/// <summary>kcidb-restd-rs's reply body: `{"id","status","message"}`; errors carry id "0".</summary>
public sealed record SubmissionReply(string Id, string Status, string Message)
{
    public static SubmissionReply Error(string message) => new("0", "error", message);
}
