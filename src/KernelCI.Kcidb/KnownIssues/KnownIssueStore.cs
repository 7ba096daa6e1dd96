using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.KnownIssues;

/// <summary>Reads and writes <see cref="KnownIssueSchema"/>'s tables.</summary>
internal sealed class KnownIssueStore(Database database)
{
    private const string Columns = """
        issue_id, issue_version, report_subject, comment, culprit_code, culprit_tool, culprit_harness,
        test_path, platform, origin, log_regex, backfill_pending, changed_by, updated, kind, config, architecture, compiler
        """;

    private bool Sqlite => database.Kind == DatabaseKind.Sqlite;

    public async Task<IReadOnlyList<KnownIssue>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM kcidb_known_issues ORDER BY issue_id";
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<KnownIssue?> GetAsync(string issueId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM kcidb_known_issues WHERE issue_id = @id";
        command.AddParameter("id", issueId);
        return (await ReadAsync(command, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Inserts or replaces the row; false when <paramref name="expectedVersion"/> (null for a new issue) is not
    /// the stored one, i.e. someone else changed or created it meanwhile.</summary>
    public async Task<bool> SaveAsync(KnownIssue issue, int? expectedVersion, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedVersion is null
            ? $"""
              INSERT INTO kcidb_known_issues ({Columns})
              VALUES (@id, @version, @subject, @comment, @code, @tool, @harness, @path, @platform, @origin, @regex, @pending, @by, @updated,
                  @kind, @config, @architecture, @compiler)
              ON CONFLICT (issue_id) DO NOTHING
              """
            : """
              UPDATE kcidb_known_issues SET issue_version = @version, report_subject = @subject, comment = @comment,
                  culprit_code = @code, culprit_tool = @tool, culprit_harness = @harness, test_path = @path, platform = @platform,
                  origin = @origin, log_regex = @regex, backfill_pending = @pending, changed_by = @by, updated = @updated,
                  config = @config, architecture = @architecture, compiler = @compiler
              WHERE issue_id = @id AND issue_version = @expected
              """;
        command.AddParameter("id", issue.IssueId);
        command.AddParameter("version", issue.Version);
        command.AddParameter("subject", issue.ReportSubject);
        command.AddParameter("comment", issue.Comment);
        command.AddParameter("code", issue.CulpritCode);
        command.AddParameter("tool", issue.CulpritTool);
        command.AddParameter("harness", issue.CulpritHarness);
        command.AddParameter("path", issue.TestPath);
        command.AddParameter("platform", issue.Platform);
        command.AddParameter("origin", issue.Origin);
        command.AddParameter("regex", issue.LogRegex);
        command.AddParameter("pending", issue.BackfillPending);
        command.AddParameter("by", issue.ChangedBy);
        command.AddParameter("updated", Time(issue.Updated));
        command.AddParameter("kind", issue.Kind);
        command.AddParameter("config", issue.Config);
        command.AddParameter("architecture", issue.Architecture);
        command.AddParameter("compiler", issue.Compiler);
        if (expectedVersion is { } expected)
        {
            command.AddParameter("expected", expected);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> DeleteAsync(string issueId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM kcidb_known_issues WHERE issue_id = @id";
        command.AddParameter("id", issueId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Marks a version as applied to the stored results; a newer version saved meanwhile stays pending.</summary>
    public async Task BackfilledAsync(string issueId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE kcidb_known_issues SET backfill_pending = false WHERE issue_id = @id AND issue_version = @version";
        command.AddParameter("id", issueId);
        command.AddParameter("version", version);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(object Ts, string Id)> CursorAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ts, id FROM kcidb_result_cursor WHERE source = @source";
        command.AddParameter("source", source);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetValue(0), reader.GetString(1))
            : (Sqlite ? 0L : DateTime.UnixEpoch, "");
    }

    public async Task SetCursorAsync(string source, object ts, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO kcidb_result_cursor (source, ts, id) VALUES (@source, @ts, @id)
            ON CONFLICT (source) DO UPDATE SET ts = excluded.ts, id = excluded.id
            """;
        command.AddParameter("source", source);
        command.AddParameter("ts", ts);
        command.AddParameter("id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private object Time(DateTimeOffset time) => Sqlite ? KcidbTimestamp.ToMicroseconds(time.UtcDateTime) : time.UtcDateTime;

    private async Task<IReadOnlyList<KnownIssue>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var issues = new List<KnownIssue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            issues.Add(new KnownIssue(
                reader.GetString(0), reader.GetInt32(1), reader.GetString(2), Nullable<string>(reader, 3),
                Flag(reader, 4), Flag(reader, 5), Flag(reader, 6),
                reader.GetString(7), reader.GetString(8), Nullable<string>(reader, 9), Nullable<string>(reader, 10),
                reader.GetBoolean(11), reader.GetString(12),
                new DateTimeOffset(DateTime.SpecifyKind(Sqlite ? KcidbTimestamp.FromMicroseconds(reader.GetInt64(13)) : reader.GetDateTime(13), DateTimeKind.Utc)),
                reader.GetString(14), Nullable<string>(reader, 15), Nullable<string>(reader, 16), Nullable<string>(reader, 17)));
        }

        return issues;
    }

    private static T? Nullable<T>(DbDataReader reader, int i) where T : class => reader.IsDBNull(i) ? null : reader.GetFieldValue<T>(i);

    private static bool? Flag(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetBoolean(i);
}
