namespace KernelCI.Kcidb.Store;

/// <summary>The KCIDB tables on SQLite or PostgreSQL.</summary>
public interface IKcidbStore
{
    /// <summary>Loads a batch in one transaction: objects merge per column (a later non-null value wins, null never
    /// overwrites), `_timestamp` is set to now, and each submission id is recorded as ingested.</summary>
    Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken);

    /// <summary>Which of these submission ids were ingested already (so a restart never ingests one twice).</summary>
    Task<IReadOnlySet<string>> FindIngestedAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken);
}
