namespace KernelCI.Notifications.Reports;

/// <summary>What a report says about the first failing result beyond the feed's row, read from KCIDB.</summary>
internal sealed record FailureDetails(string? RepositoryUrl, string? CommitName, string? LogUrl, string? LogExcerpt)
{
    public static FailureDetails None { get; } = new(null, null, null, null);
}
