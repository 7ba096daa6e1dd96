namespace KernelCI.Bench.KcidbIngest.Ingest;

/// <summary>A /status answer: inprogress, ready, processed, failed (with the server's reasons) or notfound.</summary>
internal sealed record SubmissionState(string Id, string Status, IReadOnlyList<string> Errors);
