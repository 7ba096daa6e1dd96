using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>
/// The batches written into the single writer's open transaction and not yet committed. Their files stay in the spool,
/// and in flight, until the commit: a crash or a failed write loses nothing but the work, which is redone from the spool.
/// </summary>
internal sealed class WriteGroup(IKcidbStore store, IngestionBatcher batcher, KcidbOptions options, KcidbMetrics metrics) : IAsyncDisposable
{
    private readonly List<PreparedBatch> _written = [];
    private readonly List<PreparedBatch> _settled = [];
    private IKcidbWriter? _writer;
    private long _bytes;

    // After a failed group, this many batches load one transaction each, through the batcher's own fallback that
    // isolates a submission the database refuses; otherwise the same group would fail again.
    private int _alone;

    public bool IsFull => _bytes >= options.TransactionBytes;

    /// <summary>Writes a batch into the open transaction, or loads it alone (committing the group first) when its rows
    /// could not be built or an earlier group failed.</summary>
    public async Task AddAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Rows is null || _alone > 0)
        {
            await CommitAsync(cancellationToken);
            _settled.Add(batch);
            await batcher.LoadAsync(batch, cancellationToken);
            _alone = Math.Max(0, _alone - 1);
            return;
        }

        _written.Add(batch);
        _writer ??= await store.OpenWriterAsync(cancellationToken);
        await batcher.WriteAsync(_writer, batch, cancellationToken);
        _bytes += batch.Bytes;
        batch.ReleaseDocuments();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_written.Count == 0)
        {
            return;
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _writer!.CommitAsync(cancellationToken);
        metrics.AddLoadTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
        foreach (var batch in _written)
        {
            batcher.Complete(batch);
        }

        _settled.AddRange(_written);
        _written.Clear();
        _bytes = 0;
    }

    /// <summary>After a failure: rolls the transaction back. Its batches' files are still in the spool, to be checked
    /// and written again.</summary>
    public async Task AbandonAsync()
    {
        _alone = Math.Max(_alone, _written.Count + 1);

        _settled.AddRange(_written);
        _written.Clear();
        _bytes = 0;
        await DisposeWriterAsync();
    }

    /// <summary>The batches committed, loaded alone or abandoned since the last call: their files are no longer in flight.</summary>
    public List<PreparedBatch> TakeSettled()
    {
        var settled = _settled.ToList();
        _settled.Clear();
        return settled;
    }

    public async ValueTask DisposeAsync() => await DisposeWriterAsync();

    private async Task DisposeWriterAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }
    }
}
