using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Regressions.Feed;

/// <summary>Reads the change feed and writes culprits (docs/regressions.md, "The change feed").</summary>
public sealed class RegressionFeed(Database database, TimeProvider time)
{
    /// <summary>The longest a reader may block: under proxies' and clients' usual idle timeouts.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(60);

    /// <summary>Changes after <paramref name="after"/>, oldest first, each regression once (at its newest change in the
    /// page). With nothing there and <paramref name="wait"/> above zero, blocks until this process commits a change or
    /// the wait ends, then reads once more. <paramref name="stopWaiting"/> ends the wait early the same way: the host
    /// stopping answers its blocked readers at once instead of holding its shutdown for their whole wait.</summary>
    public async Task<RegressionChangePage> ReadAsync(long after, int limit, TimeSpan wait, CancellationToken cancellationToken,
        CancellationToken stopWaiting = default)
    {
        // Taken before the query: a change committed between the query and the wait completes it.
        var next = RegressionChanges.For(database).Next;
        var page = await QueryAsync(after, limit, cancellationToken);
        if (page.Changes.Count > 0 || wait <= TimeSpan.Zero)
        {
            return page;
        }

        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopWaiting);
        try
        {
            await next.WaitAsync(wait, time, waiting.Token);
        }
        catch (TimeoutException)
        {
            // Another process may have committed: one more read finds it.
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Told to stop waiting: the reader gets what is there now and comes back later.
        }

        return await QueryAsync(after, limit, cancellationToken);
    }

    /// <summary>Writes a bisection's culprit into the regression and adds a change; false when there is no such regression.</summary>
    public async Task<bool> SetCulpritAsync(string id, RegressionCulprit culprit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            UPDATE kcidb_regressions SET culprit_commit = @commit, culprit_subject = @subject, culprit_author = @author,
                culprit_issue = @issue, bisection = @bisection, culprit_found = @found, culprit_files = @files
            WHERE id = @id
            """;
        command.AddParameter("id", id);
        command.AddParameter("commit", culprit.Commit);
        command.AddParameter("subject", culprit.Subject);
        command.AddParameter("author", culprit.Author);
        command.AddParameter("issue", culprit.Issue);
        command.AddParameter("bisection", culprit.Bisection);
        command.AddParameter("files", culprit.Files is null ? null : JsonSerializer.Serialize(culprit.Files));
        var now = time.GetUtcNow().UtcDateTime;
        command.AddParameter("found", database.Kind == DatabaseKind.Sqlite ? KcidbTimestamp.ToMicroseconds(now) : now);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        await new RegressionChangeLog(database, connection, transaction).AddAsync(id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        RegressionChanges.For(database).Notify();
        return true;
    }

    /// <summary>One regression as the feed gives it, or null.</summary>
    public async Task<RegressionRecord?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT 0, r.id, {RecordColumns} FROM kcidb_regressions r {SeriesJoin} WHERE r.id = @id";
        command.AddParameter("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private async Task<RegressionChangePage> QueryAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.seq, c.id, {RecordColumns}
            FROM kcidb_regression_changes c
            LEFT JOIN kcidb_regressions r ON r.id = c.id
            {SeriesJoin}
            WHERE c.seq > @after
            ORDER BY c.seq
            LIMIT @limit
            """;
        command.AddParameter("after", after);
        command.AddParameter("limit", limit);
        var changes = new List<RegressionChange>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                changes.Add(new RegressionChange(reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : Read(reader)));
            }
        }

        var newest = changes.GroupBy(c => c.Id, StringComparer.Ordinal).Select(g => g.Last()).OrderBy(c => c.Seq).ToList();
        return new RegressionChangePage(newest, changes.Count > 0 ? changes[^1].Seq : after);
    }

    private const string SeriesJoin = """
        LEFT JOIN kcidb_series s ON s.origin = r.origin AND s.tree_name = r.tree_name AND s.git_repository_branch = r.git_repository_branch
            AND s.kind = r.kind AND s.path = r.path AND s.config_name = r.config_name AND s.architecture = r.architecture
            AND s.compiler = r.compiler AND s.platform = r.platform
        """;

    private const string RecordColumns = """
        r.state, r.origin, r.tree_name, r.git_repository_branch, r.kind, r.path, r.config_name, r.architecture, r.compiler, r.platform,
        r.last_good_commit, r.last_good_result, r.first_bad_commit, r.first_bad_result, r.fixed_by_commit, r.failures, s.flaky,
        r.culprit_commit, r.culprit_subject, r.culprit_author, r.culprit_issue, r.bisection, r.culprit_files
        """;

    private static RegressionRecord Read(DbDataReader reader)
    {
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        var culprit = Text(19) is { } commit ? new RegressionCulprit(commit, Text(20), Text(21), Text(22), Text(23),
            Text(24) is { } files ? JsonSerializer.Deserialize<string[]>(files) : null) : null;
        return new RegressionRecord(reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
            reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10), reader.GetString(11),
            reader.GetString(12), reader.GetString(13), reader.GetString(14), reader.GetString(15), Text(16),
            JsonSerializer.Deserialize<string[]>(reader.GetString(17)) ?? [], !reader.IsDBNull(18) && reader.GetBoolean(18), culprit);
    }
}
