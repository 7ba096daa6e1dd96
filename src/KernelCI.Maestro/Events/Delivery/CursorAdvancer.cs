using System.Threading.Channels;
using KernelCI.Data;
using KernelCI.Maestro.Events.Log;
using KernelCI.Maestro.Events.Subscriptions;
using KernelCI.Maestro.Events.WakeUps;
using Microsoft.Extensions.Logging;

namespace KernelCI.Maestro.Events.Delivery;

/// <summary>Group commit for long-poll cursors. One event wakes every listener of a replica at once; instead of one
/// transaction each, the polls queue here and one drain advances whatever is waiting in one statement (and reads the
/// events it hands out in the same transaction, from memory where it can). As with node creates there is no timer:
/// a lone poll is advanced at once, and groups form only from polls that arrived while a statement was running. The
/// cursor is committed before any reply is sent, exactly as for a single advance, so the delivery guarantee is
/// unchanged.</summary>
internal sealed partial class CursorAdvancer(Database database, SubscriptionStore subscriptions, EventStore events, EventSignal signal,
    QuietCursors quiet, ILogger<CursorAdvancer> logger)
{
    // Bounds one statement's parameters (3 per poll) and one transaction's time.
    public const int MaxBatch = 256;

    private readonly Channel<PendingAdvance> _pending = Channel.CreateUnbounded<PendingAdvance>();
    private readonly List<PendingAdvance> _deferred = [];
    private int _draining;
    private long _statements;
    private long _advances;

    /// <summary>Group statements run so far (for tests and diagnostics).</summary>
    public long Statements => Interlocked.Read(ref _statements);

    /// <summary>Polls advanced so far (for tests and diagnostics).</summary>
    public long Advances => Interlocked.Read(ref _advances);

    /// <summary>Acknowledges what the subscription was handed last and hands out the next event after it, if any.
    /// Null when the subscription does not exist or is not the user's.</summary>
    public Task<CursorDelivery?> AdvanceAsync(CursorRequest request, CancellationToken cancellationToken)
    {
        if (quiet.Channel(request) is { } channel)
        {
            return Task.FromResult<CursorDelivery?>(new CursorDelivery(channel, null));
        }

        var pending = new PendingAdvance(request, cancellationToken);
        _pending.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return pending.Completion.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<PendingAdvance>(MaxBatch);
        var ids = new HashSet<long>();
        while (true)
        {
            batch.Clear();
            ids.Clear();
            // One subscription polled twice at once is advanced twice, in two statements: in one, both polls would
            // be handed the same event.
            var earlier = _deferred.ToList();
            _deferred.Clear();
            foreach (var next in earlier)
            {
                Take(next, batch, ids);
            }

            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                Take(next, batch, ids);
            }

            if (batch.Count > 0 || _deferred.Count > 0)
            {
                await AdvanceAsync(batch);
                continue;
            }

            // Hand over: a poll queued after the empty read but before this release saw the drain busy and started
            // none, so look again and take the drain back if nobody else has.
            Volatile.Write(ref _draining, 0);
            if (!_pending.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private void Take(PendingAdvance next, List<PendingAdvance> batch, HashSet<long> ids)
    {
        if (next.IsAbandoned)
        {
            next.Abandon();
        }
        else if (batch.Count < MaxBatch && ids.Add(next.Request.Id))
        {
            batch.Add(next);
        }
        else
        {
            _deferred.Add(next);
        }
    }

    // Never throws: every poll of the batch ends with its delivery or the batch's error.
    private async Task AdvanceAsync(List<PendingAdvance> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        try
        {
            Interlocked.Increment(ref _statements);
            Interlocked.Add(ref _advances, batch.Count);
            // Read before the statement: a wake-up after it means the log may have moved past what the statement saw.
            var state = signal.State;
            // The events are read before the commit: if that fails, no cursor has moved past an event nobody got.
            await using var connection = await Sql.OpenAsync(database, CancellationToken.None);
            await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
            var (cursors, last) = await subscriptions.AdvanceManyAsync(connection, transaction, batch.Select(p => p.Request).ToList(), CancellationToken.None);
            var due = cursors.Values.Where(c => c.Delivered > c.Acked).Select(c => c.Delivered).ToList();
            var stored = due.Count == 0 ? [] : await events.GetManyAsync(connection, transaction, due, CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);

            // A hundred listeners woken by one event get the same reply: render it once.
            var replies = new Dictionary<(string, long), string>();
            foreach (var pending in batch)
            {
                var cursor = cursors.GetValueOrDefault(pending.Request.Id);
                quiet.Record(pending.Request, cursor, state, last);
                pending.Complete(cursor is null ? null : new CursorDelivery(cursor.Channel, Reply(cursor, stored, replies)));
            }
        }
        catch (Exception e)
        {
            LogFailed(logger, batch.Count, e);
            foreach (var pending in batch)
            {
                pending.Fail(e);
            }
        }
    }

    private static string? Reply(AdvancedCursor cursor, Dictionary<long, StoredEvent> stored, Dictionary<(string, long), string> replies)
    {
        if (cursor.Delivered <= cursor.Acked || !stored.TryGetValue(cursor.Delivered, out var next))
        {
            return null;
        }

        if (!replies.TryGetValue((cursor.Channel, cursor.Delivered), out var reply))
        {
            reply = ListenReply.Message(cursor.Channel, CloudEvents.Render(next));
            replies[(cursor.Channel, cursor.Delivered)] = reply;
        }

        return reply;
    }

    [LoggerMessage(EventId = 1040, Level = LogLevel.Warning, Message = "Advancing {Count} listener cursors failed")]
    private static partial void LogFailed(ILogger logger, int count, Exception exception);
}
