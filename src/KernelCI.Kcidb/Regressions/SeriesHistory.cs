using System.Data.Common;
using System.Text.Json;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Regressions;

/// <summary>The history of the series a branch's changed checkouts touched (docs/regressions.md, "Series" and "How"):
/// within the last <c>checkouts</c> tip checkouts of a tree and branch, whatever their origin, every result of each
/// series with a result in a changed checkout (<see cref="Touched"/>, the only ones worth analysing again). Commits are
/// ordered by when their first checkout with builds started (the order the branch's commits were tested in); start_time
/// is optional in KCIDB, so a checkout without one is placed by when it was ingested (`_timestamp`, always set), never
/// all at one end. <see cref="Commits"/> are the window's commits, whichever series they have results of.</summary>
internal sealed record SeriesHistory(Dictionary<SeriesKey, List<SeriesRun>> Series, HashSet<SeriesKey> Touched, HashSet<string> Commits)
{
    /// <summary>Above this many touched series the other checkouts' results are read whole and sorted out here: the lists
    /// of configurations and paths would hold nearly all of them anyway (a bulk load, a full recomputation).</summary>
    internal const int FilterLimit = 1_000;

    public static async Task<SeriesHistory> ReadAsync(Database database, string tree, string branch, IReadOnlySet<string> changed,
        int checkouts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sqlite = database.Kind == DatabaseKind.Sqlite;
        var window = await WindowAsync(connection, sqlite, tree, branch, checkouts, cancellationToken);

        // A commit's place is when its first checkout with results started; ties fall back to the hash, so the order is stable.
        var positions = window.Values.Where(c => c.HasBuilds).GroupBy(c => c.Commit).Select(g => (Commit: g.Key, Start: g.Min(c => c.Start)))
            .OrderBy(c => c.Start).ThenBy(c => c.Commit, StringComparer.Ordinal)
            .Select((c, i) => (c.Commit, Position: (long)i)).ToDictionary(c => c.Commit, c => c.Position, StringComparer.Ordinal);
        var changedInWindow = changed.Where(id => window.TryGetValue(id, out var c) && c.HasBuilds).ToList();
        var series = new Dictionary<SeriesKey, List<SeriesRun>>();
        var touched = new HashSet<SeriesKey>();
        if (changedInWindow.Count == 0)
        {
            return new SeriesHistory(series, touched, [.. positions.Keys]);
        }

        // The changed checkouts' results say which series are touched; the rest of the window is then read for those only.
        var rows = await RowsAsync(connection, sqlite, tree, branch, changedInWindow, null, cancellationToken);
        touched.UnionWith(rows.Select(r => r.Key));
        var others = window.Values.Where(c => c.HasBuilds && !changed.Contains(c.Id)).Select(c => c.Id).ToList();
        if (others.Count > 0)
        {
            var filter = touched.Count <= FilterLimit ? touched : null;
            rows.AddRange((await RowsAsync(connection, sqlite, tree, branch, others, filter, cancellationToken)).Where(r => touched.Contains(r.Key)));
        }

        foreach (var (key, checkoutId, run) in rows)
        {
            if (!series.TryGetValue(key, out var runs))
            {
                series[key] = runs = [];
            }

            var checkout = window[checkoutId];
            runs.Add(run with { Commit = checkout.Commit, Position = positions[checkout.Commit], Time = run.Time == default ? checkout.Start : run.Time });
        }

        return new SeriesHistory(series, touched, [.. positions.Keys]);
    }

    private sealed record WindowCheckout(string Id, string Commit, DateTimeOffset Start, bool HasBuilds);

    // The branch's newest tip checkouts. A checkout said not to be the branch's tip (a developer's or a bisection's build
    // of an older commit) is not the branch's history: ordered by when it ran it would sit after newer commits
    // (docs/regressions.md, "Series").
    private static async Task<Dictionary<string, WindowCheckout>> WindowAsync(DbConnection connection, bool sqlite, string tree, string branch,
        int checkouts, CancellationToken cancellationToken)
    {
        var tip = sqlite ? "git_repository_branch_tip IS NOT 0" : "git_repository_branch_tip IS NOT FALSE";
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.id, c.git_commit_hash, COALESCE(c.start_time, c._timestamp),
                   EXISTS (SELECT 1 FROM builds b WHERE b.checkout_id = c.id)
            FROM checkouts c
            WHERE tree_name = @tree AND git_repository_branch = @branch AND git_commit_hash IS NOT NULL AND {tip}
            ORDER BY COALESCE(start_time, _timestamp) DESC
            LIMIT @n
            """;
        command.AddParameter("tree", tree);
        command.AddParameter("branch", branch);
        command.AddParameter("n", checkouts);
        var window = new Dictionary<string, WindowCheckout>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var start = Time(reader, 2, sqlite) ?? DateTime.MaxValue;
            window[reader.GetString(0)] = new WindowCheckout(reader.GetString(0), reader.GetString(1), new DateTimeOffset(start, TimeSpan.Zero),
                sqlite ? reader.GetInt64(3) != 0 : reader.GetBoolean(3));
        }

        return window;
    }

    // The builds and tests of some checkouts; with a filter only those whose configuration (builds and tests) and path
    // (tests) some touched series has, which the caller then sorts out exactly. Driven by builds(checkout_id) and
    // tests(build_id): the expressions on path and configuration keep the planners off the indexes by path, which hold
    // every checkout's tests of that path.
    private static async Task<List<(SeriesKey Key, string Checkout, SeriesRun Run)>> RowsAsync(DbConnection connection, bool sqlite, string tree,
        string branch, IReadOnlyCollection<string> checkoutIds, IReadOnlyCollection<SeriesKey>? filter, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(sqlite, filter is not null);
        command.AddParameter("checkouts", sqlite ? JsonSerializer.Serialize(checkoutIds) : checkoutIds.ToArray());
        if (filter is not null)
        {
            var configurations = filter.Select(k => string.Join('\u001f', k.Config, k.Architecture, k.Compiler)).Distinct().ToArray();
            var paths = filter.Where(k => k.Kind == "test").Select(k => k.Path).Distinct().ToArray();
            command.AddParameter("configurations", sqlite ? JsonSerializer.Serialize(configurations) : configurations);
            command.AddParameter("paths", sqlite ? JsonSerializer.Serialize(paths) : paths);
            command.AddParameter("builds", filter.Any(k => k.Kind == "build"));
        }

        var rows = new List<(SeriesKey, string, SeriesRun)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = new SeriesKey(reader.GetString(1), tree, branch, reader.GetString(0), reader.GetString(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8));
            var time = Time(reader, 10, sqlite);
            var lab = reader.GetString(9);
            rows.Add((key, reader.GetString(11),
                new SeriesRun("", 0, time is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : default, reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(2), lab.Length == 0 ? null : lab, key.Platform.Length == 0 ? null : key.Platform)));
        }

        return rows;
    }

    private static DateTime? Time(DbDataReader reader, int ordinal, bool sqlite) =>
        reader.IsDBNull(ordinal) ? null
        : sqlite ? KcidbTimestamp.FromMicroseconds(reader.GetInt64(ordinal))
        : reader.GetFieldValue<DateTime>(ordinal);

    private static string Sql(bool sqlite, bool filtered)
    {
        var status = sqlite ? "{0}.status" : "{0}.status::text";
        var platform = sqlite ? "COALESCE(CAST(json_extract(t.environment_misc, '$.platform') AS TEXT), '')" : "COALESCE(t.environment_misc->>'platform', '')";
        var lab = sqlite ? "COALESCE(CAST(json_extract(t.misc, '$.runtime') AS TEXT), '')" : "COALESCE(t.misc->>'runtime', '')";
        var checkouts = sqlite ? "b.checkout_id IN (SELECT value FROM json_each(@checkouts))" : "b.checkout_id = ANY(@checkouts)";
        var configuration = sqlite
            ? "COALESCE(b.config_name, '') || char(31) || COALESCE(b.architecture, '') || char(31) || COALESCE(b.compiler, '') IN (SELECT value FROM json_each(@configurations))"
            : "COALESCE(b.config_name, '') || chr(31) || COALESCE(b.architecture, '') || chr(31) || COALESCE(b.compiler, '') = ANY(@configurations)";
        var path = sqlite ? "COALESCE(t.path, '') IN (SELECT value FROM json_each(@paths))" : "COALESCE(t.path, '') = ANY(@paths)";
        var testFilter = filtered ? $"AND {configuration} AND {path}" : "";
        var buildFilter = filtered ? $"AND @builds AND {configuration}" : "";
        return $"""
            SELECT 'test', t.origin, t.id, {string.Format(null, status, "t")}, COALESCE(t.path, ''),
                   COALESCE(b.config_name, ''), COALESCE(b.architecture, ''), COALESCE(b.compiler, ''), {platform}, {lab},
                   t.start_time, b.checkout_id
            FROM builds b
            JOIN tests t ON t.build_id = b.id
            WHERE {checkouts} {testFilter}
            UNION ALL
            SELECT 'build', b.origin, b.id, {string.Format(null, status, "b")}, '',
                   COALESCE(b.config_name, ''), COALESCE(b.architecture, ''), COALESCE(b.compiler, ''), '', '',
                   b.start_time, b.checkout_id
            FROM builds b
            WHERE {checkouts} {buildFilter}
            """;
    }
}
