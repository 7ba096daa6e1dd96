using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Regressions.Feed;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Regressions;

/// <summary>Writes series verdicts to <see cref="RegressionSchema"/>'s tables. A series' regressions whose first bad
/// commit is still in the analysed window are replaced by the new verdict's (a corrected status can remove one); older
/// ones are kept as they were, since their history is no longer read. A regression that appears, changes (state,
/// last good commit, failures, fix) or disappears is written to the change feed (<see cref="RegressionChangeLog"/>).</summary>
internal static class RegressionStore
{
    public static async Task<IReadOnlySet<string>> InvalidAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM kcidb_regression_marks WHERE state = 'invalid'";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Rows per multi-row statement. Microsoft.Data.Sqlite binds each parameter by name and SQLite finds a
    /// name by walking the statement's list, so binding costs the square of the parameters: SQLite gets short
    /// statements (as Maestro's NodeStore.InsertManyAsync). Npgsql looks names up in a dictionary; 500 rows of 20
    /// parameters stay under PostgreSQL's 65,535.</summary>
    internal static int Chunk(Database database) => database.Kind == DatabaseKind.PostgreSql ? 500 : 50;

    /// <summary>Saves the verdicts of one branch's series in a few statements: one read of the branch's stored
    /// regressions, then multi-row deletes and upserts (<see cref="Chunk"/> rows each) instead of one statement per row.</summary>
    public static async Task SaveAsync(Database database, DbConnection connection, DbTransaction transaction, IReadOnlyList<SeriesVerdict> verdicts,
        IReadOnlySet<string> windowCommits, DateTime now, RegressionChangeLog changes, CancellationToken cancellationToken)
    {
        if (verdicts.Count == 0)
        {
            return;
        }

        var sqlite = database.Kind == DatabaseKind.Sqlite;
        var stored = await StoredInBranchAsync(connection, transaction, verdicts[0].Series.Tree, verdicts[0].Series.Branch, cancellationToken);
        var deleted = new List<string>();
        var upserted = new List<(SeriesKey Series, TrackedRegression Regression)>();
        var changed = new List<string>();
        foreach (var verdict in verdicts)
        {
            var ofSeries = stored.GetValueOrDefault(verdict.Series.Text) ?? [];
            var stale = ofSeries.Where(s => windowCommits.Contains(s.Value.FirstBad)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            stale.ExceptWith(verdict.Regressions.Select(r => r.Id));
            foreach (var id in stale.Order(StringComparer.Ordinal))
            {
                deleted.Add(id);
                changed.Add(id);
            }

            foreach (var regression in verdict.Regressions)
            {
                if (!ofSeries.TryGetValue(regression.Id, out var before) || before.Signature != Signature(regression))
                {
                    changed.Add(regression.Id);
                }

                upserted.Add((verdict.Series, regression));
            }
        }

        var chunk = Chunk(database);
        foreach (var ids in deleted.Chunk(chunk))
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM kcidb_regressions WHERE id IN ({string.Join(", ", ids.Select((_, i) => "@id" + i))})",
                command =>
                {
                    for (var i = 0; i < ids.Length; i++)
                    {
                        command.AddParameter("id" + i, ids[i]);
                    }
                }, cancellationToken);
        }

        foreach (var rows in upserted.Chunk(chunk))
        {
            await ExecuteAsync(connection, transaction, UpsertRegressions(rows.Length), command =>
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    var (series, regression) = rows[i];
                    var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    AddSeries(command, series, n);
                    command.AddParameter("id" + n, regression.Id);
                    command.AddParameter("state" + n, regression.State.ToString().ToLowerInvariant());
                    command.AddParameter("good_commit" + n, regression.LastGood.Commit);
                    command.AddParameter("good_result" + n, regression.LastGood.ResultId);
                    command.AddParameter("good_time" + n, Time(regression.LastGood.Time.UtcDateTime, sqlite));
                    command.AddParameter("bad_commit" + n, regression.FirstBad.Commit);
                    command.AddParameter("bad_result" + n, regression.FirstBad.ResultId);
                    command.AddParameter("bad_time" + n, Time(regression.FirstBad.Time.UtcDateTime, sqlite));
                    command.AddParameter("fixed_by" + n, regression.FixedBy?.Commit);
                    command.AddParameter("failures" + n, JsonSerializer.Serialize(regression.Failures));
                }

                command.AddParameter("updated", Time(now, sqlite));
            }, cancellationToken);
        }

        foreach (var rows in verdicts.Chunk(chunk))
        {
            await ExecuteAsync(connection, transaction, UpsertSeries(rows.Length), command =>
            {
                for (var i = 0; i < rows.Length; i++)
                {
                    var verdict = rows[i];
                    var n = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    AddSeries(command, verdict.Series, n);
                    command.AddParameter("flaky" + n, verdict.Flaky);
                    command.AddParameter("since" + n, verdict.FlakySince is { } since ? Time(since.UtcDateTime, sqlite) : null);
                    command.AddParameter("rate" + n, verdict.FlipRate);
                    command.AddParameter("infrastructure" + n, verdict.Infrastructure.Values.Sum());
                }

                command.AddParameter("updated", Time(now, sqlite));
            }, cancellationToken);
        }

        await changes.AddManyAsync(changed, cancellationToken);
    }

    // The branch's stored regressions by series (SeriesKey.Text): their first bad commit, and what a reader of the
    // change feed would see change. One query through kcidb_regressions_tree, whatever the number of series.
    private static async Task<Dictionary<string, Dictionary<string, (string FirstBad, string Signature)>>> StoredInBranchAsync(DbConnection connection,
        DbTransaction transaction, string tree, string branch, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT id, first_bad_commit, state, last_good_commit, fixed_by_commit, failures,
                   origin, kind, path, config_name, architecture, compiler, platform
            FROM kcidb_regressions WHERE tree_name = @tree AND git_repository_branch = @branch
            """;
        command.AddParameter("tree", tree);
        command.AddParameter("branch", branch);
        var stored = new Dictionary<string, Dictionary<string, (string, string)>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var series = new SeriesKey(reader.GetString(6), tree, branch, reader.GetString(7), reader.GetString(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11), reader.GetString(12)).Text;
            if (!stored.TryGetValue(series, out var ofSeries))
            {
                stored[series] = ofSeries = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
            }

            ofSeries[reader.GetString(0)] = (reader.GetString(1),
                Signature(reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetString(5)));
        }

        return stored;
    }

    private static string Signature(TrackedRegression regression) =>
        Signature(regression.State.ToString().ToLowerInvariant(), regression.LastGood.Commit, regression.FixedBy?.Commit,
            JsonSerializer.Serialize(regression.Failures));

    private static string Signature(string state, string lastGood, string? fixedBy, string failures) =>
        string.Join('\u001f', state, lastGood, fixedBy ?? "", failures);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, Action<DbCommand> parameters,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        parameters(command);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddSeries(DbCommand command, SeriesKey series, string suffix)
    {
        command.AddParameter("origin" + suffix, series.Origin);
        command.AddParameter("tree" + suffix, series.Tree);
        command.AddParameter("branch" + suffix, series.Branch);
        command.AddParameter("kind" + suffix, series.Kind);
        command.AddParameter("path" + suffix, series.Path);
        command.AddParameter("config" + suffix, series.Config);
        command.AddParameter("arch" + suffix, series.Architecture);
        command.AddParameter("compiler" + suffix, series.Compiler);
        command.AddParameter("platform" + suffix, series.Platform);
    }

    private static object Time(DateTime utc, bool sqlite) => sqlite ? KcidbTimestamp.ToMicroseconds(utc) : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    private static string Values(int rows, string columns) =>
        string.Join(", ", Enumerable.Range(0, rows).Select(i => "(" + columns.Replace("#", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + ")"));

    private static string UpsertRegressions(int rows) => $"""
        INSERT INTO kcidb_regressions (id, origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler,
            platform, state, last_good_commit, last_good_result, last_good_time, first_bad_commit, first_bad_result, first_bad_time,
            fixed_by_commit, failures, updated)
        VALUES {Values(rows, "@id#, @origin#, @tree#, @branch#, @kind#, @path#, @config#, @arch#, @compiler#, @platform#, @state#, @good_commit#, @good_result#, @good_time#, @bad_commit#, @bad_result#, @bad_time#, @fixed_by#, @failures#, @updated")}
        ON CONFLICT (id) DO UPDATE SET state = excluded.state, last_good_commit = excluded.last_good_commit,
            last_good_result = excluded.last_good_result, last_good_time = excluded.last_good_time,
            first_bad_result = excluded.first_bad_result, first_bad_time = excluded.first_bad_time,
            fixed_by_commit = excluded.fixed_by_commit, failures = excluded.failures, updated = excluded.updated
        """;

    private static string UpsertSeries(int rows) => $"""
        INSERT INTO kcidb_series (origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform,
            flaky, flaky_since, flip_rate, infrastructure, updated)
        VALUES {Values(rows, "@origin#, @tree#, @branch#, @kind#, @path#, @config#, @arch#, @compiler#, @platform#, @flaky#, @since#, @rate#, @infrastructure#, @updated")}
        ON CONFLICT (origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform)
        DO UPDATE SET flaky = excluded.flaky, flaky_since = excluded.flaky_since, flip_rate = excluded.flip_rate,
            infrastructure = excluded.infrastructure, updated = excluded.updated
        """;
}
