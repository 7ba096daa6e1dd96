using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Ingestion;

/// <summary>
/// The ingestion writer: writes prepared batches, commits them, and completes their files through the one
/// <see cref="SubmissionCompletion"/>. Holds the batches written into the single writer's open transaction and not yet committed. Their files stay in the spool,
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

    private SubmissionCompletion Completion => batcher.Completion;

    public bool IsFull => _bytes >= options.TransactionBytes;

    /// <summary>Writes a batch into the open transaction, or loads it alone (committing the group first) when its rows
    /// could not be built or an earlier group failed.</summary>
    public async Task AddAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Rows is null || _alone > 0)
        {
            await CommitAsync(cancellationToken);
            _settled.Add(batch);
            await LoadAloneAsync(batch, cancellationToken);
            _alone = Math.Max(0, _alone - 1);
            return;
        }

        _written.Add(batch);
        _writer ??= await store.OpenWriterAsync(cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _writer.WriteAsync(batch.Rows, cancellationToken);
        metrics.AddLoadTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
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
            Completion.Processed([.. batch.Accepted.Select(a => a.File)], batch.Objects);
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

    /// <summary>Loads a batch in a transaction of its own (through the store, not the open one), then completes its files.
    /// If the transaction fails, its submissions load one by one, which isolates one that the database refuses.</summary>
    internal async Task LoadAloneAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await LoadAsync(batch.Accepted, batch.Rows, cancellationToken);
        metrics.AddLoadTime(System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private async Task LoadAsync(
        List<(SpooledFile File, AcceptedSubmission Submission)> accepted, JsonIngestBatch? rows, CancellationToken cancellationToken)
    {
        if (accepted.Count == 0)
        {
            return;
        }

        try
        {
            if (rows is not null)
            {
                await store.IngestAsync(rows, cancellationToken);
            }
            else
            {
                await store.IngestAsync([.. accepted.Select(a => a.Submission)], cancellationToken);
            }
        }
        catch (Exception e) when (accepted.Count > 1 && !cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // One bad submission must not hold back the others: load them one by one to find it.
            foreach (var one in accepted)
            {
                await LoadAsync([one], null, cancellationToken);
            }

            return;
        }
        catch (Exception e) when (accepted.Count == 1 && !cancellationToken.IsCancellationRequested && IsCausedByContent(e))
        {
            Completion.Failed(accepted[0].File, ["the database refused the submission: " + e.Message]);
            return;
        }

        Completion.Processed([.. accepted.Select(a => a.File)], accepted.Sum(a => IngestionBatcher.CountObjects(a.Submission.Document)));
    }

    // Alone in its transaction, a submission whose load fails for any reason but the database being unreachable or busy
    // is refused: retrying it would fail the same way forever, ahead of everything submitted after it.
    private static bool IsCausedByContent(Exception e) => e switch
    {
        DbException db => !DbFailures.IsBusyOrUnreachable(db),
        OperationCanceledException or OutOfMemoryException or IOException or TimeoutException or System.Net.Sockets.SocketException
            or ObjectDisposedException => false,
        _ => true,
    };

    private async Task DisposeWriterAsync()
    {
        if (_writer is { } writer)
        {
            _writer = null;
            await writer.DisposeAsync();
        }
    }
}
