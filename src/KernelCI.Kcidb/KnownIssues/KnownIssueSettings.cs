namespace KernelCI.Kcidb.KnownIssues;

/// <summary>Our origin (the one send-kcidb submits as, so one problem is one issue whoever found it), whether other
/// origins' logs are triaged, and how many days of stored results a new or changed matcher is applied to.</summary>
internal sealed record KnownIssueSettings(string Origin, bool TriageLogs, int BackfillDays);
