using System.Data.Common;
using System.Text.Json;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Statuses;
using KernelCI.Data;

namespace KernelCI.Dashboard.Hardware;

/// <summary>The hardware listing and the per-revision listing, from dash_hardware_status alone: tests rows are never
/// read (kernelci/dashboard: backend/kernelCI_app/queries/hardware.py, get_hardware_listing_data_from_status_table and
/// get_hardware_listing_data_by_revision). Like upstream's hardware_status, only tests with a platform count.</summary>
internal sealed class HardwareListingQuery(DashboardDb db)
{
    /// <summary>Hardware tested by <paramref name="origin"/>'s tests on each tree's newest checkout, when that checkout
    /// started in the window (upstream's latest_checkout: newest of each origin, tree, URL and branch); with
    /// <paramref name="commits"/>, on every checkout of the window at one of those commits or tags instead.</summary>
    public async Task<List<HardwareListingItem>> ListAsync(string origin, DateTimeOffset start, DateTimeOffset end, IReadOnlyList<string> commits,
        CancellationToken cancellationToken)
    {
        var checkouts = commits.Count == 0
            ? """
              SELECT id FROM (
                  SELECT c.id, c.start_time,
                         ROW_NUMBER() OVER (PARTITION BY c.origin, c.tree_name, c.git_repository_url, c.git_repository_branch
                                            ORDER BY c.start_time DESC, c.id) AS rn
                  FROM checkouts c WHERE c.start_time >= @start) AS latest
              WHERE rn = 1 AND start_time <= @end
              """
            : $"""
              SELECT c.id FROM checkouts c
              WHERE c.start_time >= @start AND c.start_time <= @end
                AND ({db.Kcidb.InIds("c.git_commit_hash", "commits")} OR {TagsOverlap("c.git_commit_tags", "commits")})
              """;
        var sql = $"""
            WITH chosen AS ({checkouts})
            SELECT h.platform, h.compatibles, h.kind, h.status, SUM(h.n)
            FROM chosen JOIN dash_hardware_status h ON h.checkout_id = chosen.id
            WHERE h.origin = @origin AND h.platform <> ''
            GROUP BY h.platform, h.compatibles, h.kind, h.status
            """;
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        db.Sql.AddTime(command, "start", start);
        db.Sql.AddTime(command, "end", end);
        command.AddParameter("origin", origin);
        if (commits.Count > 0)
        {
            db.Kcidb.AddIds(command, "commits", commits);
        }

        var counts = await ReadCountsAsync(command, cancellationToken);
        return [.. counts.Select(e => new HardwareListingItem(e.Key.Platform, Compatibles(e.Key.Compatibles),
            e.Value.Builds.Grouped(), e.Value.Boots.Grouped(), e.Value.Tests.Grouped()))];
    }

    public async Task<List<HardwareRevisionItem>> ByRevisionAsync(string origin, string treeName, string url, string branch, string hash,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT h.platform, h.compatibles, h.kind, h.status, SUM(h.n)
            FROM checkouts c JOIN dash_hardware_status h ON h.checkout_id = c.id
            WHERE c.git_commit_hash = @hash AND c.tree_name = @tree AND c.git_repository_url = @url AND c.git_repository_branch = @branch
              AND h.origin = @origin AND h.platform <> ''
            GROUP BY h.platform, h.compatibles, h.kind, h.status
            """;
        command.AddParameter("hash", hash);
        command.AddParameter("tree", treeName);
        command.AddParameter("url", url);
        command.AddParameter("branch", branch);
        command.AddParameter("origin", origin);
        var counts = await ReadCountsAsync(command, cancellationToken);
        return [.. counts.Select(e => new HardwareRevisionItem(e.Key.Platform, Compatibles(e.Key.Compatibles), e.Value.Builds, e.Value.Boots, e.Value.Tests))];
    }

    private static async Task<SortedDictionary<(string Platform, string Compatibles), (StatusCounts Builds, StatusCounts Boots, StatusCounts Tests)>>
        ReadCountsAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<(string Platform, string Compatibles), (StatusCounts Builds, StatusCounts Boots, StatusCounts Tests)>(
            Comparer<(string Platform, string Compatibles)>.Create((a, b) =>
                string.CompareOrdinal(a.Platform, b.Platform) is var c and not 0 ? c : string.CompareOrdinal(a.Compatibles, b.Compatibles)));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (reader.GetString(0), reader.GetString(1));
            if (!counts.TryGetValue(key, out var entry))
            {
                entry = (new StatusCounts(), new StatusCounts(), new StatusCounts());
                counts[key] = entry;
            }

            var target = reader.GetString(2) switch
            {
                "build" => entry.Builds,
                "boot" => entry.Boots,
                _ => entry.Tests,
            };
            target.Add(reader.GetString(3), Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture));
        }

        return counts;
    }

    private static string[]? Compatibles(string json) => json.Length == 0 ? null : JsonSerializer.Deserialize<string[]>(json);

    private string TagsOverlap(string column, string parameter) => db.Kind == DatabaseKind.Sqlite
        ? $"EXISTS (SELECT 1 FROM json_each({column}) AS tag WHERE tag.value IN (SELECT value FROM json_each(@{parameter})))"
        : $"{column} && @{parameter}";
}
