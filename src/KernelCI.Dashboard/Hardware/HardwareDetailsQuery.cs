using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The rows behind a hardware's details: the trees whose newest checkout in the window has tests on it
/// (found in dash_hardware_status), then that hardware's tests at the chosen checkouts, read per build through
/// tests_build_id (kernelci/dashboard: backend/kernelCI_app/queries/hardware.py, get_hardware_trees_data and
/// query_records, which scan the tests table instead).</summary>
internal sealed partial class HardwareDetailsQuery(DashboardDb db)
{
    public async Task<List<HardwareTree>> TreesAsync(string hardware, string origin, DateTimeOffset start, DateTimeOffset end,
        CancellationToken cancellationToken)
    {
        // The newest checkout of each (tree, branch, URL, checkout origin) in the window, whichever hardware it tested:
        // a tree whose head did not run on this hardware is not shown with an older commit that did. Each tree's
        // newest start time is found by hashing, then its checkout with the least id at that time (ROW_NUMBER() over
        // start_time DESC, id, which this replaced, sorted every checkout of the window on its four text keys:
        // 18 ms of PostgreSQL's CPU per request at 10,000,000 tests, 7 ms now; docs/benchmarks.md, "Session 17").
        var sql = $"""
            WITH latest AS (
                SELECT c.tree_name, c.git_repository_branch, c.git_repository_url, c.origin, MAX(c.start_time) AS start_time
                FROM checkouts c
                WHERE c.start_time >= @start AND c.start_time <= @end
                GROUP BY c.tree_name, c.git_repository_branch, c.git_repository_url, c.origin
            ), heads AS (
                SELECT MIN(c.id) AS id
                FROM latest l
                JOIN checkouts c ON c.start_time = l.start_time AND c.origin = l.origin
                    AND c.tree_name IS NOT DISTINCT FROM l.tree_name
                    AND c.git_repository_branch IS NOT DISTINCT FROM l.git_repository_branch
                    AND c.git_repository_url IS NOT DISTINCT FROM l.git_repository_url
                GROUP BY l.tree_name, l.git_repository_branch, l.git_repository_url, l.origin
            )
            SELECT c.id, c.origin, c.tree_name, c.git_repository_branch, c.git_repository_url, c.git_commit_name,
                   c.git_commit_hash, c.git_commit_tags, c.start_time
            FROM heads
            JOIN checkouts c ON c.id = heads.id
            WHERE EXISTS (
                SELECT 1 FROM dash_hardware_status h
                WHERE h.checkout_id = heads.id AND h.origin = @origin AND h.kind <> 'build'
                  AND {HardwareSql.AggregateIs(db.Kind, "h", "hardware")})
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        db.Sql.AddTime(command, "start", start);
        db.Sql.AddTime(command, "end", end);
        command.AddParameter("origin", origin);
        HardwareSql.AddHardware(command, "hardware", hardware);
        var heads = new List<(HardwareTree Tree, DateTimeOffset? Start)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                heads.Add((new HardwareTree("", reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                    Text(reader, 6), db.Sql.ReadStrings(reader, 7), null, null), db.Sql.ReadTime(reader, 8)));
            }
        }

        // Upstream keeps one tree per (name, branch, URL, head commit), ordered by them, numbered from 0.
        return heads
            .GroupBy(h => (h.Tree.TreeName, h.Tree.GitRepositoryBranch, h.Tree.GitRepositoryUrl, h.Tree.HeadGitCommitHash))
            .Select(g => g.OrderByDescending(h => h.Start).First().Tree)
            .OrderBy(t => t.TreeName ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(t => t.GitRepositoryBranch ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(t => t.GitRepositoryUrl ?? "\uffff", StringComparer.Ordinal)
            .ThenBy(t => t.HeadGitCommitHash ?? "\uffff", StringComparer.Ordinal)
            .Select((t, i) => t with { Index = i.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .ToList();
    }

    /// <summary>The hardware's tests of <paramref name="origin"/> in the window at each tree's shown commit, for the
    /// trees the request selects (all when it selects none); with <paramref name="boots"/>, only boots (true) or only
    /// the other tests (false), for a page that lists one kind.</summary>
    public async Task<List<HardwareTestRow>> RecordsAsync(string hardware, HardwareDetailsRequest request, IReadOnlyList<HardwareTree> trees,
        bool withEnvironmentMisc, CancellationToken cancellationToken, bool? boots = null)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var checkouts = await CheckoutsAsync(connection, request, trees, cancellationToken);
        if (checkouts.Count == 0)
        {
            return [];
        }

        var rows = await TestsAsync(connection, hardware, request, checkouts, withEnvironmentMisc, boots, cancellationToken);
        await AddIncidentsAsync(connection, rows, rows.Select(r => r.Build), cancellationToken);
        return rows;
    }

    private HardwareBuildRow ReadBuild(DbDataReader reader, int at, Dictionary<string, HardwareBuildRow> builds, HardwareCheckout checkout)
    {
        var id = reader.GetString(at);
        if (!builds.TryGetValue(id, out var build))
        {
            build = new HardwareBuildRow(id, reader.GetString(at + 1), Text(reader, at + 2), Text(reader, at + 3), db.Sql.ReadJson(reader, at + 4),
                Text(reader, at + 5), Text(reader, at + 6), Text(reader, at + 7) ?? "NULL", Number(reader, at + 8), Text(reader, at + 9),
                db.Sql.ReadTimeText(reader, at + 10), checkout);
            builds[id] = build;
        }

        return build;
    }

    /// <summary>The checkouts at the head (or selected) commits of the trees the request selects (all when it selects
    /// none), each with its tree.</summary>
    private async Task<Dictionary<string, (HardwareCheckout Checkout, HardwareTree Tree)>> CheckoutsAsync(DbConnection connection,
        HardwareDetailsRequest request, IReadOnlyList<HardwareTree> selectable, CancellationToken cancellationToken)
    {
        var trees = selectable.Where(t => request.SelectedCommits.Count == 0 || t.IsSelected == true).ToList();
        var hashes = trees.Select(t => t.HeadGitCommitHash).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (hashes.Count == 0)
        {
            return [];
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT id, origin, tree_name, git_repository_url, git_repository_branch, git_commit_hash, git_commit_name
            FROM checkouts WHERE {db.Kcidb.InIds("git_commit_hash", "hashes")}
            """;
        db.Kcidb.AddIds(command, "hashes", hashes);
        var found = new Dictionary<string, (HardwareCheckout, HardwareTree)>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var checkout = new HardwareCheckout(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Text(reader, 5), Text(reader, 6));
            // A commit is shown per tree: the checkout must be of that tree and at that tree's commit.
            if (trees.FirstOrDefault(t => t.Holds(checkout) && t.HeadGitCommitHash == checkout.Hash) is { } tree)
            {
                found[checkout.Id] = (checkout, tree);
            }
        }

        return found;
    }

    private async Task<List<HardwareTestRow>> TestsAsync(DbConnection connection, string hardware, HardwareDetailsRequest request,
        Dictionary<string, (HardwareCheckout Checkout, HardwareTree Tree)> checkouts, bool withEnvironmentMisc, bool? boots, CancellationToken cancellationToken)
    {
        // TestKinds.IsBoot in SQL: exact on both databases (SQLite's LIKE ignores case).
        var kind = boots switch
        {
            true => "AND (t.path = 'boot' OR substr(t.path, 1, 5) = 'boot.')",
            false => "AND (t.path IS NULL OR (t.path <> 'boot' AND substr(t.path, 1, 5) <> 'boot.'))",
            null => "",
        };
        var k = db.Kcidb;
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.id, t.origin, {db.Sql.JsonString("t.environment_misc", "platform")}, t.path, t.log_url, {k.EnumAsText("t.status")},
                   t.start_time, t.duration, {db.Sql.JsonString("t.misc", "runtime")}, t.environment_compatible,
                   b.id, b.origin, b.architecture, b.config_name, b.misc, b.config_url, b.compiler, {k.EnumAsText("b.status")},
                   b.duration, b.log_url, b.start_time, b.checkout_id, {db.Sql.JsonString("t.misc", "error_msg")},
                   {(withEnvironmentMisc ? db.Sql.JsonObjectText("t.environment_misc") : "NULL")}
            FROM builds b
            JOIN tests t ON t.build_id = b.id
            WHERE {k.InIds("b.checkout_id", "checkouts")}
              AND EXISTS (SELECT 1 FROM dash_build_tests d
                          WHERE d.build_id = b.id AND d.origin = @origin AND {HardwareSql.AggregateIs(db.Kind, "d", "hardware")})
              AND t.origin = @origin AND t.start_time >= @start AND t.start_time <= @end
              AND {HardwareSql.TestIs(db, "t", "hardware")} {kind}
            ORDER BY t.start_time DESC, t.id
            """;
        k.AddIds(command, "checkouts", checkouts.Keys);
        command.AddParameter("origin", request.Origin);
        HardwareSql.AddHardware(command, "hardware", hardware);
        db.Sql.AddTime(command, "start", request.Start);
        db.Sql.AddTime(command, "end", request.End);
        var builds = new Dictionary<string, HardwareBuildRow>(StringComparer.Ordinal);
        var rows = new List<HardwareTestRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (checkout, tree) = checkouts[reader.GetString(21)];
            var build = ReadBuild(reader, 10, builds, checkout);

            rows.Add(new HardwareTestRow(reader.GetString(0), reader.GetString(1), Text(reader, 2), Text(reader, 3), Text(reader, 4),
                Text(reader, 5) ?? "NULL", db.Sql.ReadTimeText(reader, 6), Number(reader, 7), Text(reader, 8), Text(reader, 22),
                db.Sql.ReadStrings(reader, 9), build, tree)
            {
                EnvironmentMisc = Text(reader, 23),
            });
        }

        return rows;
    }

    private async Task AddIncidentsAsync(DbConnection connection, List<HardwareTestRow> rows, IEnumerable<HardwareBuildRow> buildRows,
        CancellationToken cancellationToken)
    {
        var tests = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var builds = buildRows.DistinctBy(b => b.Id).ToDictionary(b => b.Id, StringComparer.Ordinal);
        if (tests.Count == 0 && builds.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        var testCondition = tests.Count == 0 ? "" : $"{db.Kcidb.InIds("i.test_id", "tests")} OR ";
        // The issue's comment and report by primary key, one probe per incident: as a LEFT JOIN PostgreSQL expected
        // hundreds of incidents (the builds' estimate) and hashed all 10,000 issues for the few it found (half the
        // statement's time at 10,000,000 tests; docs/benchmarks.md, "Session 17").
        command.CommandText = $"""
            SELECT i.issue_id, i.issue_version, i.test_id, i.build_id,
                   (SELECT s.comment FROM issues s WHERE s.id = i.issue_id AND s.version = i.issue_version),
                   (SELECT s.report_url FROM issues s WHERE s.id = i.issue_id AND s.version = i.issue_version)
            FROM incidents i
            WHERE {testCondition}{db.Kcidb.InIds("i.build_id", "builds")}
            ORDER BY i.issue_id, i.issue_version
            """;
        if (tests.Count > 0)
        {
            db.Kcidb.AddIds(command, "tests", tests.Keys);
        }

        db.Kcidb.AddIds(command, "builds", builds.Keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var incident = new HardwareIncident(reader.GetString(0), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), Text(reader, 2), Text(reader, 4), Text(reader, 5));
            if (incident.TestId is { } testId && tests.TryGetValue(testId, out var test))
            {
                test.Incidents.Add(incident);
            }

            if (Text(reader, 3) is { } buildId && builds.TryGetValue(buildId, out var build))
            {
                build.Incidents.Add(incident);
            }
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static double? Number(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);
}
