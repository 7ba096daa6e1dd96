namespace KernelCI.Kcidb.Store;

/// <summary>A writer whose every batch is its own transaction, committed before <see cref="WriteAsync"/> returns.</summary>
internal sealed class CommitEachBatchWriter(IKcidbStore store) : IKcidbWriter
{
    public Task WriteAsync(JsonIngestBatch batch, CancellationToken cancellationToken) => store.IngestAsync(batch, cancellationToken);

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
