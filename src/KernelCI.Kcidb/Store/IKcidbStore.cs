namespace KernelCI.Kcidb.Store;

/// <summary>The KCIDB tables on SQLite or PostgreSQL.</summary>
public interface IKcidbStore
{
    /// <summary>Loads a batch in one transaction: objects merge per column (a later non-null value wins, null never
    /// overwrites), `_timestamp` is set to now, and each submission id is recorded as ingested.</summary>
    Task IngestAsync(IReadOnlyList<AcceptedSubmission> submissions, CancellationToken cancellationToken);

    /// <summary>The same, for rows already built from the submissions: the ingester builds them while the previous batch
    /// loads, so the single writer spends its time in the database only.</summary>
    internal Task IngestAsync(JsonIngestBatch batch, CancellationToken cancellationToken);

    /// <summary>Work on a batch that needs no database, done by the ingester while the previous batch loads, so that
    /// the single writer does not (SQLite with the aggregates: the new tests' keys).</summary>
    internal void Prepare(JsonIngestBatch batch)
    {
    }

    /// <summary>The single ingester's writer, kept across batches (see <see cref="IKcidbWriter"/>).</summary>
    internal Task<IKcidbWriter> OpenWriterAsync(CancellationToken cancellationToken);

    /// <summary>Which of these submission ids were ingested already (so a restart never ingests one twice).</summary>
    Task<IReadOnlySet<string>> FindIngestedAsync(IReadOnlyCollection<string> submissionIds, CancellationToken cancellationToken);
}
