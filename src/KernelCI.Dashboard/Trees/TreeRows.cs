using System.Data.Common;
using System.Text.Json;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Filters;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees;

/// <summary>Reads a set of checkouts' builds, tests and aggregates. Every read starts from the checkouts' builds
/// (builds_checkout_id) and reaches tests, incidents and dash_build_tests through their build and test id indexes.</summary>
internal static class TreeRows
{
    public enum TestKind
    {
        All,
        Boots,
        Tests,
    }

    public static async Task<IReadOnlyList<BuildRow>> BuildsAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Only the build's own incidents (no test): upstream's get_tree_details_builds.
        command.CommandText = $"""
            SELECT b.id, b.origin, b.checkout_id, b.start_time, b.duration, b.architecture, b.compiler, b.config_name, b.config_url,
                   b.log_url, {db.Sql.Status("b.status")}, b.misc, iss.id, iss.version, iss.comment, iss.report_url
            FROM builds b
            LEFT JOIN incidents inc ON inc.build_id = b.id AND inc.test_id IS NULL
            LEFT JOIN issues iss ON iss.id = inc.issue_id AND iss.version = inc.issue_version
            WHERE {db.Kcidb.InIds("b.checkout_id", "checkouts")}
            ORDER BY b.start_time DESC, b.id
            """;
        db.Kcidb.AddIds(command, "checkouts", checkoutIds);
        var rows = new List<BuildRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var issueId = TreeCheckouts.Text(reader, 12);
            rows.Add(new BuildRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), db.Sql.ReadTime(reader, 3), Double(reader, 4),
                TreeCheckouts.Text(reader, 5), TreeCheckouts.Text(reader, 6), TreeCheckouts.Text(reader, 7), TreeCheckouts.Text(reader, 8),
                TreeCheckouts.Text(reader, 9), TreeCheckouts.Text(reader, 10) ?? "NULL", db.Sql.ReadJson(reader, 11),
                issueId is null ? null : new IssueRef(issueId, reader.GetInt64(13), null), TreeCheckouts.Text(reader, 14), TreeCheckouts.Text(reader, 15)));
        }

        return rows;
    }

    /// <summary>The checkouts' tests of <paramref name="kind"/>, one row per incident; with
    /// <paramref name="withIncidentsOnly"/>, only the tests that have one; with <paramref name="withEnvironmentMisc"/>,
    /// each test's environment_misc text. The JSON columns are not parsed here: the database hands over the values the
    /// lists and filters use (most of a list's cost was parsing three JSON columns per row; docs/dashboard-api.md).</summary>
    public static async Task<IReadOnlyList<TestRow>> TestsAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds, TestKind kind,
        bool withIncidentsOnly, CancellationToken cancellationToken, string bootPath = "", string testPath = "", bool withEnvironmentMisc = false,
        string? level = null)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var kindCondition = kind switch
        {
            TestKind.Boots => $" AND {db.Tests.IsBoot} = 1",
            TestKind.Tests => $" AND {db.Tests.IsBoot} = 0",
            _ => "",
        };
        // A path filter is a case-sensitive substring, as upstream's `in`: left to the database so the rows it
        // leaves out are never read here.
        var contains = db.Kind == DatabaseKind.Sqlite ? "instr(t.path, @{0}) > 0" : "strpos(t.path, @{0}) > 0";
        if (bootPath.Length > 0)
        {
            kindCondition += $" AND ({db.Tests.IsBoot} = 0 OR {string.Format(System.Globalization.CultureInfo.InvariantCulture, contains, "boot_path")})";
            command.AddParameter("boot_path", bootPath);
        }

        if (testPath.Length > 0)
        {
            kindCondition += $" AND ({db.Tests.IsBoot} = 1 OR {string.Format(System.Globalization.CultureInfo.InvariantCulture, contains, "test_path")})";
            command.AddParameter("test_path", testPath);
        }

        if (level is not null)
        {
            kindCondition += " AND " + LevelCondition(db, command, level);
        }

        command.CommandText = $"""
            SELECT t.id, t.origin, t.path, {db.Sql.Status("t.status")}, t.duration, t.start_time, t.log_url, t.environment_compatible,
                   {db.Sql.JsonString("t.environment_misc", "platform")}, {db.Sql.JsonString("t.misc", "runtime")},
                   {(withEnvironmentMisc ? db.Sql.JsonObjectText("t.environment_misc") : "NULL")},
                   b.id, b.architecture, b.compiler, b.config_name, {db.Sql.JsonString("b.misc", "platform")}, {db.Sql.Status("b.status")},
                   iss.id, iss.version, iss.comment, iss.report_url
            FROM builds b
            JOIN tests t ON t.build_id = b.id{kindCondition}
            {(withIncidentsOnly ? "JOIN" : "LEFT JOIN")} incidents inc ON inc.test_id = t.id
            LEFT JOIN issues iss ON iss.id = inc.issue_id AND iss.version = inc.issue_version
            WHERE {db.Kcidb.InIds("b.checkout_id", "checkouts")}
            ORDER BY t.start_time DESC, t.id
            """;
        db.Kcidb.AddIds(command, "checkouts", checkoutIds);
        var rows = new List<TestRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var testId = reader.GetString(0);
            var issueId = TreeCheckouts.Text(reader, 17);
            rows.Add(new TestRow(testId, reader.GetString(1), TreeCheckouts.Text(reader, 2), TreeCheckouts.Text(reader, 3) ?? "NULL",
                Double(reader, 4), db.Sql.ReadTime(reader, 5), TreeCheckouts.Text(reader, 6), db.Sql.ReadStrings(reader, 7),
                TreeCheckouts.Text(reader, 8), TreeCheckouts.Text(reader, 9), TreeCheckouts.Text(reader, 10), reader.GetString(11),
                TreeCheckouts.Text(reader, 12), TreeCheckouts.Text(reader, 13), TreeCheckouts.Text(reader, 14), TreeCheckouts.Text(reader, 15),
                TreeCheckouts.Text(reader, 16) ?? "NULL",
                issueId is null ? null : new IssueRef(issueId, reader.GetInt64(18), testId), TreeCheckouts.Text(reader, 19), TreeCheckouts.Text(reader, 20)));
        }

        return rows;
    }

    /// <summary>The checkouts' boots or tests counted per path and status, for the path hierarchy of a page that shows
    /// one level of it (a null path counts as <see cref="FilterSet.Unknown"/>, as <see cref="TestRow.ToFact"/>).</summary>
    public static async Task<IReadOnlyList<(string Path, string Status, long Tests)>> TestPathCountsAsync(DashboardDb db,
        IReadOnlyCollection<string> checkoutIds, bool boots, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT COALESCE(t.path, '{FilterSet.Unknown}'), {db.Sql.Status("t.status")}, COUNT(*)
            FROM builds b
            JOIN tests t ON t.build_id = b.id AND {db.Tests.IsBoot} = {(boots ? 1 : 0)}
            WHERE {db.Kcidb.InIds("b.checkout_id", "checkouts")}
            GROUP BY COALESCE(t.path, '{FilterSet.Unknown}'), {db.Sql.Status("t.status")}
            """;
        db.Kcidb.AddIds(command, "checkouts", checkoutIds);
        var counts = new List<(string, string, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add((reader.GetString(0), TreeCheckouts.Text(reader, 1) ?? "NULL", Convert.ToInt64(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return counts;
    }

    /// <summary>Tests that sit directly in group <paramref name="level"/> of the path hierarchy: `G.x` (one more
    /// segment), and `G` itself when G is one segment (Web/Trees/TestHierarchy places paths so).</summary>
    private static string LevelCondition(DashboardDb db, System.Data.Common.DbCommand command, string level)
    {
        command.AddParameter("level", level);
        command.AddParameter("level_dot", level + ".");
        command.AddParameter("level_length", level.Length + 1);
        var noDot = db.Kind == DatabaseKind.Sqlite ? "instr(substr(t.path, @level_length + 1), '.') = 0" : "strpos(substr(t.path, @level_length + 1), '.') = 0";
        var self = level.Contains('.', StringComparison.Ordinal) ? "" : " OR t.path = @level";
        var unknown = level == FilterSet.Unknown ? " OR t.path IS NULL" : "";
        return $"((substr(t.path, 1, @level_length) = @level_dot AND {noDot}){self}{unknown})";
    }

    /// <summary>The checkouts' tests counted per dash_build_tests dimension and build configuration: no test row read.</summary>
    public static async Task<IReadOnlyList<TestFact>> TestGroupsAsync(DashboardDb db, IReadOnlyCollection<string> checkoutIds, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT r.is_boot, r.origin, r.path_group, r.platform, r.compatibles, r.lab, r.status, SUM(r.n), b.architecture, b.compiler, b.config_name
            FROM builds b
            JOIN dash_build_tests r ON r.build_id = b.id
            WHERE {db.Kcidb.InIds("b.checkout_id", "checkouts")}
            GROUP BY r.is_boot, r.origin, r.path_group, r.platform, r.compatibles, r.lab, r.status, b.architecture, b.compiler, b.config_name
            """;
        db.Kcidb.AddIds(command, "checkouts", checkoutIds);
        var facts = new List<TestFact>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var platform = OrUnknown(reader.GetString(3));
            var compatiblesText = reader.GetString(4);
            var compatibles = compatiblesText.Length == 0 ? null : JsonSerializer.Deserialize<string[]>(compatiblesText);
            var hardwareKey = compatibles is { Length: > 0 } ? compatibles[0] : platform;
            facts.Add(new TestFact(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) == 1, reader.GetString(1),
                OrUnknown(reader.GetString(2)), platform, compatibles, OrUnknown(reader.GetString(5)), reader.GetString(6),
                OrUnknown(TreeCheckouts.Text(reader, 8)), OrUnknown(TreeCheckouts.Text(reader, 9)), OrUnknown(TreeCheckouts.Text(reader, 10)),
                null, Convert.ToInt64(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture), hardwareKey));
        }

        return facts;
    }

    private static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? FilterSet.Unknown : value;

    private static double? Double(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
