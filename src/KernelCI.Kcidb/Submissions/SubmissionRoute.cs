namespace KernelCI.Kcidb.Submissions;

/// <summary>Endpoint metadata of kcidb-restd-rs's routes: their refusals are its `{"id":"0","status":"error","message"}`
/// replies (<see cref="SubmissionErrors"/>), and those of /submit also count in `kcidb_errors_total`.</summary>
internal sealed record SubmissionRoute(bool CountsErrors);
