using KernelCI.Dashboard.Data;
using KernelCI.Data;
using KernelCI.Kcidb.Aggregates;

namespace KernelCI.Dashboard.Tests.Issues;

/// <summary>IssueSeed plus the listing's edge cases, with fixed ingestion times so that answers compare byte for byte:
/// <list type="bullet">
/// <item>maestro:i5 v1 and v2: at v1 an incident on b1 (mainline) whose _timestamp is NULL and an earlier-dated one on
/// t3 (next), so the first incident is t3's (NULLs last, as upstream's PostgreSQL orders); at v2 an incident on t9,
/// a test that arrives after it (on b2, mainline).</item>
/// <item>maestro:i6 v1 (incident on b1) and v2 (incident on a build nobody sent): v2 reaches no tree, so the id is
/// dropped, while its first incident stays in extras (upstream's quirk).</item>
/// <item>maestro:i7 v1: an incident on b4, whose checkout ck3 has no tree name: no tree, dropped, no extra.</item>
/// </list>
/// Issues are dated 2026-01-01T10:00:00Z plus one minute per row in this order: i1 v1, i1 v2, i2, i3, i4, i5 v1, i5 v2,
/// i6 v1, i6 v2, i7; incidents 2026-01-02T00:00:00Z plus one second per incident, inc5a NULL.</summary>
internal static class IssueListingSeed
{
    public static readonly DateTimeOffset Day = new(2026, 1, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly (string Id, long Version)[] IssueKeys =
    [
        ("maestro:i1", 1), ("maestro:i1", 2), ("maestro:i2", 1), ("redhat:i3", 1), ("maestro:i4", 1), ("maestro:i5", 1),
        ("maestro:i5", 2), ("maestro:i6", 1), ("maestro:i6", 2), ("maestro:i7", 1),
    ];

    private static readonly string[] IncidentIds =
        ["maestro:inc1", "maestro:inc2", "maestro:inc3", "maestro:inc4", "maestro:inc5b", "maestro:inc5c", "maestro:inc6a", "maestro:inc6b", "maestro:inc7"];

    public static async Task<DashboardTestApp> StartAsync(DatabaseKind kind)
    {
        var app = await DashboardTestApp.StartAsync(kind);
        await app.SeedAsync(IssueSeed.Documents(DateTimeOffset.UtcNow));
        await app.SeedAsync([Extra, LateTest]);
        await FixTimesAsync(app);
        return app;
    }

    /// <summary>The window holding every issue of the seed.</summary>
    public static string Window => $"startTimestampInSeconds={Day.ToUnixTimeSeconds()}&endTimestampInSeconds={Day.AddDays(1).ToUnixTimeSeconds()}";

    private const string Extra = """
        {"version": {"major": 5, "minor": 3},
         "checkouts": [{"id": "maestro:ck3", "origin": "maestro", "git_repository_url": "https://example.org/linux.git",
                        "git_repository_branch": "main", "git_commit_hash": "3333333333333333333333333333333333333333"}],
         "builds": [{"id": "maestro:b4", "origin": "maestro", "checkout_id": "maestro:ck3", "status": "FAIL"}],
         "issues": [
           {"id": "maestro:i5", "version": 1, "origin": "maestro", "comment": "flaky <boot> & \"more\"", "culprit": {"tool": true}},
           {"id": "maestro:i5", "version": 2, "origin": "maestro", "comment": "flaky boot (v2) é", "categories": ["boot", "flaky"]},
           {"id": "maestro:i6", "version": 1, "origin": "maestro", "comment": "half ghost"},
           {"id": "maestro:i6", "version": 2, "origin": "maestro", "comment": "half ghost (v2)"},
           {"id": "maestro:i7", "version": 1, "origin": "maestro", "comment": "treeless"}],
         "incidents": [
           {"id": "maestro:inc5a", "origin": "maestro", "issue_id": "maestro:i5", "issue_version": 1, "build_id": "maestro:b1", "present": true},
           {"id": "maestro:inc5b", "origin": "maestro", "issue_id": "maestro:i5", "issue_version": 1, "test_id": "maestro:t3", "present": true},
           {"id": "maestro:inc5c", "origin": "maestro", "issue_id": "maestro:i5", "issue_version": 2, "test_id": "maestro:t9", "present": true},
           {"id": "maestro:inc6a", "origin": "maestro", "issue_id": "maestro:i6", "issue_version": 1, "build_id": "maestro:b1", "present": true},
           {"id": "maestro:inc6b", "origin": "maestro", "issue_id": "maestro:i6", "issue_version": 2, "build_id": "maestro:ghost2", "present": true},
           {"id": "maestro:inc7", "origin": "maestro", "issue_id": "maestro:i7", "issue_version": 1, "build_id": "maestro:b4", "present": true}]}
        """;

    private const string LateTest = """
        {"version": {"major": 5, "minor": 3},
         "tests": [{"id": "maestro:t9", "origin": "maestro", "build_id": "maestro:b2", "path": "kselftest.late", "status": "FAIL"}]}
        """;

    private static async Task FixTimesAsync(DashboardTestApp app)
    {
        await using var db = new DashboardDb(app.Database);
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await db.OpenAsync(cancellationToken);
        for (var i = 0; i < IssueKeys.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE issues SET _timestamp = @time WHERE id = @id AND version = @version";
            db.Sql.AddTime(command, "time", Day.AddMinutes(i));
            command.AddParameter("id", IssueKeys[i].Id);
            command.AddParameter("version", IssueKeys[i].Version);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        for (var i = 0; i < IncidentIds.Length; i++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE incidents SET _timestamp = @time WHERE id = @id";
            db.Sql.AddTime(command, "time", Day.AddDays(1).AddSeconds(i));
            command.AddParameter("id", IncidentIds[i]);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var empty = connection.CreateCommand();
        empty.CommandText = "UPDATE incidents SET _timestamp = NULL WHERE id = 'maestro:inc5a'";
        await empty.ExecuteNonQueryAsync(cancellationToken);
        // The times were written past ingestion (which stamps every row with the time of its write, and never NULL), so
        // the issue aggregates that order incidents by them are rebuilt from the rows, as after a restore.
        await AggregateRecompute.RecomputeAllAsync(app.Database, cancellationToken);
    }
}
