namespace KernelCI.Notifications.BuildIssues;

/// <summary>A KCIDB issue with incidents on builds (a known issue's build matcher, or a submitter's triage), as the
/// dashboard API gives it: its newest version's facts and the builds it was seen in.</summary>
internal sealed record BuildIssue(string Id, int Version, string Origin, string? Comment, string? ReportSubject, string? ReportUrl,
    IReadOnlyList<string> Culprits, IReadOnlyList<IssueBuild> Builds);

/// <summary>One build an issue was seen in.</summary>
internal sealed record IssueBuild(string Id, string Tree, string Branch, string Config, string Architecture, string Compiler, string? Status,
    string? LogUrl);
