using System.Data.Common;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using KernelCI.Maestro.Events.Log;
using Microsoft.Extensions.Logging;

namespace KernelCI.Maestro.Nodes;

/// <summary>Group commit for POST /node. Requests queue here; up to <see cref="MaestroOptions.ConcurrentNodeWrites"/>
/// drains at a time each take whatever is waiting (up to <see cref="MaxBatch"/>) and write it in one transaction. A
/// lone request is written at once, never after a timer: groups only form from requests that arrived while every
/// drain was busy writing. Each replica groups its own requests; the EventSequencer orders events across transactions
/// and replicas as before.</summary>
internal sealed partial class NodeCreateQueue(NodeCreateWriter writer, NodeStore nodes, MaestroOptions options, ILogger<NodeCreateQueue> logger)
{
    // Bounds one statement's parameters (17 per node) and one transaction's time.
    public const int MaxBatch = 128;

    private readonly Channel<PendingCreate> _pending = Channel.CreateUnbounded<PendingCreate>();
    private readonly int _maxDrains = options.ConcurrentNodeWrites ?? (nodes.Database.Kind == KernelCI.Data.DatabaseKind.PostgreSql ? 4 : 1);
    private int _drains;
    private long _transactions;

    /// <summary>Requests waiting for the next group write (for tests and diagnostics).</summary>
    public int Waiting => _pending.Reader.Count;

    /// <summary>Group transactions attempted so far, retries included (for tests and diagnostics).</summary>
    public long Transactions => Interlocked.Read(ref _transactions);

    public Task<string> CreateAsync(JsonObject node, string owner, CancellationToken cancellationToken)
    {
        var pending = new PendingCreate(node, owner);
        _pending.Writer.TryWrite(pending);
        if (TryTakeDrain())
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        // A client that goes away stops waiting; its node may still be written, as when it disconnects mid-commit.
        return pending.Completion.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<PendingCreate>(MaxBatch);
        while (true)
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await WriteAsync(batch);
                continue;
            }

            // Hand over: a request queued after the empty read but before this release found every drain busy and
            // started none, so look again and take a drain back if there is one.
            Interlocked.Decrement(ref _drains);
            if (!_pending.Reader.TryPeek(out _) || !TryTakeDrain())
            {
                return;
            }
        }
    }

    private bool TryTakeDrain()
    {
        while (true)
        {
            var drains = Volatile.Read(ref _drains);
            if (drains >= _maxDrains)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _drains, drains + 1, drains) == drains)
            {
                return true;
            }
        }
    }

    // Never throws: every request of the batch ends with its node or its own error.
    private async Task WriteAsync(List<PendingCreate> batch)
    {
        try
        {
            Interlocked.Increment(ref _transactions);
            await writer.WriteAsync(batch, CancellationToken.None);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            // One bad row (or a passing failure) must not fail the others: write each alone to find out whose it was.
            LogBatchFailed(logger, batch.Count, e);
        }
        catch (Exception e)
        {
            Fail(batch[0], e);
            return;
        }

        foreach (var pending in batch.Where(p => !p.IsDone))
        {
            try
            {
                Interlocked.Increment(ref _transactions);
                await writer.WriteAsync([pending], CancellationToken.None);
            }
            catch (Exception e)
            {
                Fail(pending, e);
            }
        }
    }

    private void Fail(PendingCreate pending, Exception exception)
    {
        if (exception is MaestroException)
        {
            pending.Fail(exception);
            return;
        }

        LogCreateFailed(logger, exception);
        // A clear reason and a status that invites a retry, rather than a bare 500 (or, worse, a request left hanging).
        var where = exception is DbException ? "in the database" : "while writing";
        pending.Fail(new MaestroException(503, $"Node create failed {where}: {exception.Message}; retry the request"));
    }

    [LoggerMessage(EventId = 1030, Level = LogLevel.Warning, Message = "Group write of {Count} nodes failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 1031, Level = LogLevel.Error, Message = "Node create failed")]
    private static partial void LogCreateFailed(ILogger logger, Exception exception);
}
