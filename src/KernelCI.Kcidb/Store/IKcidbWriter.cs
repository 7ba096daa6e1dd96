namespace KernelCI.Kcidb.Store;

/// <summary>
/// The single ingester's write transaction. On SQLite it may take several batches before it commits: each hot index page
/// then reaches the WAL once per commit instead of once per batch, while each batch's parsed documents can be freed as
/// soon as its rows are written, so a longer transaction costs no memory. Nothing written is visible, nor recorded as
/// ingested, before <see cref="CommitAsync"/> returns; disposing rolls back what was not committed.
/// </summary>
internal interface IKcidbWriter : IAsyncDisposable
{
    /// <summary>Upserts the rows and records the batch's submission ids as ingested, within the open transaction.</summary>
    Task WriteAsync(JsonIngestBatch batch, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
