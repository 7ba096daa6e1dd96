using System.Data.Common;
using KernelCI.Data;
using KernelCI.Kcidb.Store;

namespace KernelCI.Kcidb.Regressions;

/// <summary>The results of a branch's newest checkouts, as series (docs/regressions.md, "Series"): every build and test
/// of the last <c>checkouts</c> checkouts of a tree and branch, whatever their origin, with commits ordered by when
/// their first checkout started (the order the branch's commits were tested in). start_time is optional in KCIDB: a
/// checkout without one is placed by when it was ingested (`_timestamp`, always set), never all at one end.
/// <see cref="Touched"/> are the series
/// with a result in a checkout that changed, the only ones worth analysing again.</summary>
internal sealed record SeriesHistory(Dictionary<SeriesKey, List<SeriesRun>> Series, HashSet<SeriesKey> Touched, HashSet<string> Commits)
{
    public static async Task<SeriesHistory> ReadAsync(Database database, string tree, string branch, IReadOnlySet<string> changed,
        int checkouts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var sqlite = database.Kind == DatabaseKind.Sqlite;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql(sqlite);
        command.AddParameter("tree", tree);
        command.AddParameter("branch", branch);
        command.AddParameter("n", checkouts);
        var rows = new List<(SeriesKey Key, string Commit, DateTime CheckoutStart, SeriesRun Run, bool Touched)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = new SeriesKey(reader.GetString(3), tree, branch, reader.GetString(0), reader.GetString(6),
                    reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10));
                var checkoutStart = Time(reader, 2, sqlite) ?? DateTime.MaxValue;
                var time = Time(reader, 12, sqlite) ?? checkoutStart;
                var status = reader.IsDBNull(5) ? null : reader.GetString(5);
                var lab = reader.GetString(11);
                rows.Add((key, reader.GetString(1), checkoutStart,
                    new SeriesRun(reader.GetString(1), 0, new DateTimeOffset(time, TimeSpan.Zero), status, reader.GetString(4),
                        lab.Length == 0 ? null : lab, key.Platform.Length == 0 ? null : key.Platform),
                    changed.Contains(reader.GetString(13))));
            }
        }

        // A commit's place is when its first checkout started; ties fall back to the hash, so the order is stable.
        var positions = rows.GroupBy(r => r.Commit).Select(g => (Commit: g.Key, Start: g.Min(r => r.CheckoutStart)))
            .OrderBy(c => c.Start).ThenBy(c => c.Commit, StringComparer.Ordinal)
            .Select((c, i) => (c.Commit, Position: (long)i)).ToDictionary(c => c.Commit, c => c.Position, StringComparer.Ordinal);
        var series = new Dictionary<SeriesKey, List<SeriesRun>>();
        var touched = new HashSet<SeriesKey>();
        foreach (var (key, commit, _, run, isTouched) in rows)
        {
            if (!series.TryGetValue(key, out var runs))
            {
                series[key] = runs = [];
            }

            runs.Add(run with { Position = positions[commit] });
            if (isTouched)
            {
                touched.Add(key);
            }
        }

        return new SeriesHistory(series, touched, [.. positions.Keys]);
    }

    private static DateTime? Time(DbDataReader reader, int ordinal, bool sqlite) =>
        reader.IsDBNull(ordinal) ? null
        : sqlite ? KcidbTimestamp.FromMicroseconds(reader.GetInt64(ordinal))
        : reader.GetFieldValue<DateTime>(ordinal);

    private static string Sql(bool sqlite)
    {
        var status = sqlite ? "{0}.status" : "{0}.status::text";
        var platform = sqlite ? "COALESCE(CAST(json_extract(t.environment_misc, '$.platform') AS TEXT), '')" : "COALESCE(t.environment_misc->>'platform', '')";
        var lab = sqlite ? "COALESCE(CAST(json_extract(t.misc, '$.runtime') AS TEXT), '')" : "COALESCE(t.misc->>'runtime', '')";
        // A checkout said not to be the branch's tip (a developer's or a bisection's build of an older commit) is not the
        // branch's history: ordered by when it ran it would sit after newer commits (docs/regressions.md, "Series").
        var tip = sqlite ? "git_repository_branch_tip IS NOT 0" : "git_repository_branch_tip IS NOT FALSE";
        return $"""
            WITH recent AS (
                SELECT id FROM checkouts
                WHERE tree_name = @tree AND git_repository_branch = @branch AND git_commit_hash IS NOT NULL
                    AND {tip}
                ORDER BY COALESCE(start_time, _timestamp) DESC
                LIMIT @n
            )
            SELECT 'test', c.git_commit_hash, COALESCE(c.start_time, c._timestamp), t.origin, t.id, {string.Format(null, status, "t")}, COALESCE(t.path, ''),
                   COALESCE(b.config_name, ''), COALESCE(b.architecture, ''), COALESCE(b.compiler, ''), {platform}, {lab},
                   t.start_time, c.id
            FROM recent r
            JOIN checkouts c ON c.id = r.id
            JOIN builds b ON b.checkout_id = c.id
            JOIN tests t ON t.build_id = b.id
            UNION ALL
            SELECT 'build', c.git_commit_hash, COALESCE(c.start_time, c._timestamp), b.origin, b.id, {string.Format(null, status, "b")}, '',
                   COALESCE(b.config_name, ''), COALESCE(b.architecture, ''), COALESCE(b.compiler, ''), '', '',
                   b.start_time, c.id
            FROM recent r
            JOIN checkouts c ON c.id = r.id
            JOIN builds b ON b.checkout_id = c.id
            """;
    }
}
