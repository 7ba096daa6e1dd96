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

    public static async Task SaveAsync(Database database, DbConnection connection, DbTransaction transaction, SeriesVerdict verdict,
        IReadOnlySet<string> windowCommits, DateTime now, RegressionChangeLog changes, CancellationToken cancellationToken)
    {
        var sqlite = database.Kind == DatabaseKind.Sqlite;
        var stored = await StoredInSeriesAsync(connection, transaction, verdict.Series, cancellationToken);
        var stale = stored.Where(s => windowCommits.Contains(s.Value.FirstBad)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        stale.ExceptWith(verdict.Regressions.Select(r => r.Id));
        foreach (var id in stale)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM kcidb_regressions WHERE id = @id", c => c.AddParameter("id", id), cancellationToken);
            await changes.AddAsync(id, cancellationToken);
        }

        foreach (var regression in verdict.Regressions)
        {
            if (!stored.TryGetValue(regression.Id, out var before) || before.Signature != Signature(regression))
            {
                await changes.AddAsync(regression.Id, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, UpsertRegression, command =>
            {
                AddSeries(command, verdict.Series);
                command.AddParameter("id", regression.Id);
                command.AddParameter("state", regression.State.ToString().ToLowerInvariant());
                command.AddParameter("good_commit", regression.LastGood.Commit);
                command.AddParameter("good_result", regression.LastGood.ResultId);
                command.AddParameter("good_time", Time(regression.LastGood.Time.UtcDateTime, sqlite));
                command.AddParameter("bad_commit", regression.FirstBad.Commit);
                command.AddParameter("bad_result", regression.FirstBad.ResultId);
                command.AddParameter("bad_time", Time(regression.FirstBad.Time.UtcDateTime, sqlite));
                command.AddParameter("fixed_by", regression.FixedBy?.Commit);
                command.AddParameter("failures", JsonSerializer.Serialize(regression.Failures));
                command.AddParameter("updated", Time(now, sqlite));
            }, cancellationToken);
        }

        await ExecuteAsync(connection, transaction, UpsertSeries, command =>
        {
            AddSeries(command, verdict.Series);
            command.AddParameter("flaky", verdict.Flaky);
            command.AddParameter("since", verdict.FlakySince is { } since ? Time(since.UtcDateTime, sqlite) : null);
            command.AddParameter("rate", verdict.FlipRate);
            command.AddParameter("infrastructure", verdict.Infrastructure.Values.Sum());
            command.AddParameter("updated", Time(now, sqlite));
        }, cancellationToken);
    }

    // The series' stored regressions: their first bad commit, and what a reader of the change feed would see change.
    private static async Task<Dictionary<string, (string FirstBad, string Signature)>> StoredInSeriesAsync(DbConnection connection,
        DbTransaction transaction, SeriesKey series, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT id, first_bad_commit, state, last_good_commit, fixed_by_commit, failures FROM kcidb_regressions WHERE {SeriesMatch}";
        AddSeries(command, series);
        var stored = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stored[reader.GetString(0)] = (reader.GetString(1),
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

    private static void AddSeries(DbCommand command, SeriesKey series)
    {
        command.AddParameter("origin", series.Origin);
        command.AddParameter("tree", series.Tree);
        command.AddParameter("branch", series.Branch);
        command.AddParameter("kind", series.Kind);
        command.AddParameter("path", series.Path);
        command.AddParameter("config", series.Config);
        command.AddParameter("arch", series.Architecture);
        command.AddParameter("compiler", series.Compiler);
        command.AddParameter("platform", series.Platform);
    }

    private static object Time(DateTime utc, bool sqlite) => sqlite ? KcidbTimestamp.ToMicroseconds(utc) : DateTime.SpecifyKind(utc, DateTimeKind.Utc);

    private const string SeriesMatch = """
        origin = @origin AND tree_name = @tree AND git_repository_branch = @branch AND kind = @kind AND path = @path
        AND config_name = @config AND architecture = @arch AND compiler = @compiler AND platform = @platform
        """;

    private const string UpsertRegression = """
        INSERT INTO kcidb_regressions (id, origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler,
            platform, state, last_good_commit, last_good_result, last_good_time, first_bad_commit, first_bad_result, first_bad_time,
            fixed_by_commit, failures, updated)
        VALUES (@id, @origin, @tree, @branch, @kind, @path, @config, @arch, @compiler, @platform, @state, @good_commit, @good_result,
            @good_time, @bad_commit, @bad_result, @bad_time, @fixed_by, @failures, @updated)
        ON CONFLICT (id) DO UPDATE SET state = excluded.state, last_good_commit = excluded.last_good_commit,
            last_good_result = excluded.last_good_result, last_good_time = excluded.last_good_time,
            first_bad_result = excluded.first_bad_result, first_bad_time = excluded.first_bad_time,
            fixed_by_commit = excluded.fixed_by_commit, failures = excluded.failures, updated = excluded.updated
        """;

    private const string UpsertSeries = """
        INSERT INTO kcidb_series (origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform,
            flaky, flaky_since, flip_rate, infrastructure, updated)
        VALUES (@origin, @tree, @branch, @kind, @path, @config, @arch, @compiler, @platform, @flaky, @since, @rate, @infrastructure, @updated)
        ON CONFLICT (origin, tree_name, git_repository_branch, kind, path, config_name, architecture, compiler, platform)
        DO UPDATE SET flaky = excluded.flaky, flaky_since = excluded.flaky_since, flip_rate = excluded.flip_rate,
            infrastructure = excluded.infrastructure, updated = excluded.updated
        """;
}
