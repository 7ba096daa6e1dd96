using System.Data.Common;
using System.Diagnostics;
using KernelCI.Dashboard.Data;
using KernelCI.Kcidb.Aggregates;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace KernelCI.Dashboard.Issues;

/// <summary>
/// GET issue/'s rows kept in memory while KCIDB's issue listing stamp is unchanged (docs/dashboard-api.md, "The
/// listing's cache"). Every request first reads the stamp (one primary-key row); ingestion sets a new one in the
/// transaction of any batch that may change what the listing shows (KCIDB's IssueListingStamp), so a snapshot read
/// after a stamp is never older than the data that stamp stands for, in this replica or any other on the database.
/// <para>A snapshot holds every issue version since the window's start with no end (<see cref="IssueListingSnapshot"/>):
/// the windows that end at "now" (the default, the pages, the bench) move every request without changing the rows, and
/// a later start is a shorter run of the same rows; an earlier one, while the stamp is unchanged, is read uncached rather than
/// replacing the snapshot. Windows ending more than <see cref="RecentWindow"/> ago are read as
/// before, uncached, so an old week never reads everything since. One snapshot is kept, within
/// <see cref="DashboardOptions.IssueListingCacheBytes"/> with the answers kept in it; a larger one serves its request and
/// is dropped.</para>
/// </summary>
internal sealed class IssueListingCache(DashboardDb db, IOptions<DashboardOptions> options, IOptions<JsonOptions> json, TimeProvider clock,
    ILogger<IssueListingCache> log)
{
    /// <summary>How far before now a window may end and still be served from the snapshot.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromHours(1);

    private readonly long _limit = options.Value.IssueListingCacheBytes;
    private readonly SemaphoreSlim _building = new(1, 1);
    private IssueListingSnapshot? _snapshot;

    // The stamp of the last snapshot too large to keep, so that its warning is logged once.
    private long? _tooLargeAt;

    public long Limit => _limit;

    /// <summary>The window's rows from a snapshot as fresh as the stamp, or null when this window is not cached (the
    /// cache is off, the window is old, or the stamp's row is missing).</summary>
    public async Task<IssueListingWindow?> WindowAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        if (_limit <= 0 || end < clock.GetUtcNow() - RecentWindow)
        {
            return null;
        }

        var from = IssueListingQuery.Microseconds(start);
        var to = IssueListingQuery.Microseconds(end);
        if (await ReadStampAsync(cancellationToken) is not { } stamp)
        {
            return null;
        }

        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is not null && snapshot.Stamp == stamp && snapshot.FromMicroseconds > from)
        {
            // A current snapshot is never replaced by a wider one: requests alternating a start far back
            // (startTimestampInSeconds=0) with the default week would otherwise read every row on each of them. The
            // wider window is read as if uncached; the next stamp's first request sets the snapshot's start again.
            return null;
        }

        if (snapshot is null || snapshot.Stamp != stamp)
        {
            // One read at a time: requests arriving while the stamp changes wait for the snapshot rather than each
            // reading the rows.
            await _building.WaitAsync(cancellationToken);
            try
            {
                snapshot = Volatile.Read(ref _snapshot);
                if (await ReadStampAsync(cancellationToken) is not { } latest)
                {
                    return null;
                }

                if (snapshot is not null && snapshot.Stamp == latest && snapshot.FromMicroseconds > from)
                {
                    return null;
                }

                if (snapshot is null || snapshot.Stamp != latest)
                {
                    Volatile.Write(ref _snapshot, null);
                    snapshot = await BuildAsync(latest, start, cancellationToken);
                    if (snapshot.Bytes <= _limit)
                    {
                        Volatile.Write(ref _snapshot, snapshot);
                    }
                    else if (_tooLargeAt != latest)
                    {
                        _tooLargeAt = latest;
                        IssueListingCacheLog.TooLarge(log, snapshot.Count, snapshot.Bytes, _limit);
                    }
                }
            }
            finally
            {
                _building.Release();
            }
        }

        return snapshot.Window(from, to);
    }

    /// <summary>The window's rows, from the snapshot when it is cached, else read.</summary>
    public async Task<IReadOnlyList<IssueListingRow>> RowsAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) =>
        await WindowAsync(start, end, cancellationToken) is { } window
            ? window.Rows
            : await IssueListingQuery.ReadAsync(db, start, end, cancellationToken);

    private async Task<IssueListingSnapshot> BuildAsync(long stamp, DateTimeOffset start, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var microseconds = new List<long>();
        var rows = await IssueListingQuery.ReadSinceAsync(db, start, microseconds, cancellationToken);
        var snapshot = new IssueListingSnapshot(stamp, IssueListingQuery.Microseconds(start), rows, microseconds, json.Value.SerializerOptions.Encoder);
        IssueListingCacheLog.Built(log, snapshot.Count, start, stamp, snapshot.Bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    private async Task<long?> ReadStampAsync(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = IssueListingStamp.ReadSql;
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
