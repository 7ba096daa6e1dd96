using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

// The summary's reads: aggregates first, failing tests only.
internal sealed partial class HardwareDetailsQuery
{
    /// <summary>The summary's rows without reading every test: counts of like tests from dash_build_tests (per build,
    /// test origin, boot or not, platform, compatibles, lab and status), and the failing tests alone, read through
    /// tests_build_id_status, for their issues and error messages. Unlike <see cref="RecordsAsync"/> the tests' own
    /// start times are not compared with the window (the aggregate does not keep them).</summary>
    public async Task<List<HardwareTestRow>> SummaryRowsAsync(string hardware, HardwareDetailsRequest request, IReadOnlyList<HardwareTree> trees,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var checkouts = await CheckoutsAsync(connection, request, trees, cancellationToken);
        if (checkouts.Count == 0)
        {
            return [];
        }

        var builds = new Dictionary<string, HardwareBuildRow>(StringComparer.Ordinal);
        List<HardwareTestRow> rows;
        List<HardwareFailingTest> failing;
        if (db.Kind == DatabaseKind.Sqlite)
        {
            // SQLite: one after the other, the failing tests read only in the builds whose counts fail. At once, as on
            // PostgreSQL, the page's p95 was 43-45 ms against 34-35 ms (docs/benchmarks.md, session 20): the second
            // read repeats the counts' aggregate probe, and SQLite's work is the process's own CPU, not a server's.
            rows = await CountRowsAsync(connection, hardware, request.Origin, checkouts, builds, cancellationToken);
            var failingBuilds = rows.Where(r => r.Status is "FAIL" or "ERROR" or "MISS").Select(r => r.Build.Id).ToHashSet(StringComparer.Ordinal);
            failing = failingBuilds.Count == 0 ? [] : await FailingTestsAsync(hardware, request.Origin, checkouts.Keys, failingBuilds, cancellationToken);
        }
        else
        {
            // The counts and the failing tests are the page's two large reads and neither needs the other's rows, so
            // they run at once on two connections: PostgreSQL's work for a hardware page is then the longer of the two,
            // not their sum (docs/benchmarks.md, "dashboard-pages", session 19).
            var countsRead = CountRowsAsync(connection, hardware, request.Origin, checkouts, builds, cancellationToken);
            var failingRead = FailingTestsAsync(hardware, request.Origin, checkouts.Keys, null, cancellationToken);
            await Task.WhenAll(countsRead, failingRead);
            (rows, failing) = (countsRead.Result, failingRead.Result);
        }

        foreach (var test in failing)
        {
            // A build the counts did not see was written between the two reads: its tests wait for the next request.
            if (builds.TryGetValue(test.BuildId, out var build))
            {
                rows.Add(test.Row(build, checkouts[build.Checkout.Id].Tree));
            }
        }

        await AddIncidentsAsync(connection, [], builds.Values, cancellationToken);
        return rows;
    }

    /// <summary>Counts of like tests from dash_build_tests, with their builds (added to <paramref name="builds"/>).</summary>
    private async Task<List<HardwareTestRow>> CountRowsAsync(DbConnection connection, string hardware, string origin,
        Dictionary<string, (HardwareCheckout Checkout, HardwareTree Tree)> checkouts, Dictionary<string, HardwareBuildRow> builds,
        CancellationToken cancellationToken)
    {
        var k = db.Kcidb;
        var rows = new List<HardwareTestRow>();
        // The same few compatibles texts come on most rows: each is parsed once, and its array (only read) shared.
        var parsed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT d.origin, d.is_boot, d.platform, d.compatibles, d.lab, d.status, d.n,
                   b.id, b.origin, b.architecture, b.config_name, b.misc, b.config_url, b.compiler, {k.EnumAsText("b.status")},
                   b.duration, b.log_url, b.start_time, b.checkout_id
            FROM builds b
            JOIN dash_build_tests d ON d.build_id = b.id
            WHERE {k.InIds("b.checkout_id", "checkouts")} AND d.origin = @origin AND {HardwareSql.AggregateIs(db.Kind, "d", "hardware")}
            """;
        k.AddIds(command, "checkouts", checkouts.Keys);
        command.AddParameter("origin", origin);
        HardwareSql.AddHardware(command, "hardware", hardware);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (checkout, tree) = checkouts[reader.GetString(18)];
            var build = ReadBuild(reader, 7, builds, checkout);
            var platform = reader.GetString(2);
            var compatibles = reader.GetString(3);
            var lab = reader.GetString(4);
            rows.Add(new HardwareTestRow("", reader.GetString(0), platform.Length == 0 ? null : platform,
                Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 1 ? "boot" : null, null,
                reader.GetString(5), null, null, lab.Length == 0 ? null : lab, null,
                compatibles.Length == 0 ? null : Compatibles(parsed, compatibles), build, tree)
            {
                Role = HardwareRowRole.Counts,
                Weight = Convert.ToInt64(reader.GetValue(6), System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        return rows;
    }

    private static string[]? Compatibles(Dictionary<string, string[]> parsed, string text)
    {
        if (!parsed.TryGetValue(text, out var compatibles))
        {
            compatibles = JsonSerializer.Deserialize<string[]>(text);
            if (compatibles is null)
            {
                return null;
            }

            parsed[text] = compatibles;
        }

        return compatibles;
    }

    /// <summary>The failing tests on the hardware with their incidents, in one statement on a connection of its own
    /// (one row per incident, in issue order), only in the builds whose counts have a failing status for this hardware:
    /// <paramref name="failingBuilds"/> when the counts were read first, else found by the same aggregate condition.</summary>
    private async Task<List<HardwareFailingTest>> FailingTestsAsync(string hardware, string origin, IEnumerable<string> checkouts,
        IReadOnlyCollection<string>? failingBuilds, CancellationToken cancellationToken)
    {
        var failing = new List<HardwareFailingTest>();
        var k = db.Kcidb;
        // The builds are those of the checkouts with a failing count for this hardware, as the counts would give them.
        // PostgreSQL read the builds' tests through tests (build_id) and filtered out the passing ones and the other
        // platforms' (7,122 of 7,978 rows read at 2,000,000 tests, each with a JSON lookup); probing tests (build_id,
        // status) per build reads the failing ones alone (about 900), half the statement's time in EXPLAIN ANALYZE.
        // SQLite already probes that index.
        var failingBuild = $"""
            {k.InIds("b.checkout_id", "checkouts")}
              AND EXISTS (SELECT 1 FROM dash_build_tests d
                          WHERE d.build_id = b.id AND d.origin = @origin AND d.status IN ('FAIL', 'ERROR', 'MISS')
                            AND {HardwareSql.AggregateIs(db.Kind, "d", "hardware")})
            """;
        var (source, buildCondition) = failingBuilds is not null
            ? ("tests t", $"{k.InIds("t.build_id", "builds")} AND t.status IN ('FAIL', 'ERROR', 'MISS') AND ")
            : db.Kind == DatabaseKind.PostgreSql
            ? ("builds b CROSS JOIN LATERAL (SELECT * FROM tests t0 WHERE t0.build_id = b.id AND t0.status IN ('FAIL', 'ERROR', 'MISS')) t", failingBuild + " AND ")
            : ("builds b JOIN tests t ON t.build_id = b.id", failingBuild + " AND t.status IN ('FAIL', 'ERROR', 'MISS') AND ");
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT t.id, t.origin, {db.Sql.JsonString("t.environment_misc", "platform")}, t.path, {k.EnumAsText("t.status")},
                   {db.Sql.JsonString("t.misc", "runtime")}, {db.Sql.JsonString("t.misc", "error_msg")}, t.environment_compatible, t.build_id,
                   i.issue_id, i.issue_version, s.comment, s.report_url
            FROM {source}
            LEFT JOIN incidents i ON i.test_id = t.id
            LEFT JOIN issues s ON s.id = i.issue_id AND s.version = i.issue_version
            WHERE {buildCondition}t.origin = @origin
              AND {HardwareSql.TestIs(db, "t", "hardware")}
            ORDER BY t.id, i.issue_id, i.issue_version
            """;
        if (failingBuilds is not null)
        {
            k.AddIds(command, "builds", failingBuilds);
        }
        else
        {
            k.AddIds(command, "checkouts", checkouts);
        }

        command.AddParameter("origin", origin);
        HardwareSql.AddHardware(command, "hardware", hardware);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        HardwareFailingTest? test = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (test?.Id != id)
            {
                test = new HardwareFailingTest(id, reader.GetString(1), Text(reader, 2), Text(reader, 3), reader.GetString(4), Text(reader, 5),
                    Text(reader, 6), db.Sql.ReadStrings(reader, 7), reader.GetString(8));
                failing.Add(test);
            }

            if (Text(reader, 9) is { } issueId)
            {
                test.Incidents.Add(new HardwareIncident(issueId, Convert.ToInt64(reader.GetValue(10), System.Globalization.CultureInfo.InvariantCulture),
                    id, Text(reader, 11), Text(reader, 12)));
            }
        }

        return failing;
    }
}
