namespace KernelCI.Notifications.BuildIssues;

internal interface IBuildIssueSource
{
    /// <summary>The issues with build incidents whose newest version was written since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<BuildIssue>> ReadAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
