using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Details;

namespace KernelCI.Dashboard.Issues;

/// <summary>First and last incidents and per-version trees of a list of (issue id, version) pairs, as upstream's
/// process_issues_extra_details (kernelci/dashboard: backend/kernelCI_app/helpers/issueExtras.py) builds them: ids
/// without any incident are left out; an asked version that does not exist is null; one without incidents has no
/// trees. Both reads go through incidents' (issue_id, issue_version) index.</summary>
internal static class IssueExtras
{
    private const string MainlineUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git";
    private const string StableUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git";
    private const string LinuxNextUrl = "https://git.kernel.org/pub/scm/linux/kernel/git/next/linux-next.git";

    // An incident reaches its checkout through its build, or through its test's build (upstream joins on either).
    private const string IncidentCheckout = """
        LEFT JOIN tests t ON t.id = ic.test_id
        LEFT JOIN builds b ON b.id = COALESCE(ic.build_id, t.build_id)
        LEFT JOIN checkouts c ON c.id = b.checkout_id
        """;

    public static async Task<Dictionary<string, IssueExtra>> ReadAsync(DashboardDb db, IReadOnlyCollection<(string Id, long Version)> keys,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IssueExtra>(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            return result;
        }

        await using var connection = await db.OpenAsync(cancellationToken);
        var ids = keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).ToList();
        await ReadIncidentsAsync(db, connection, ids, result, cancellationToken);
        foreach (var (id, version) in keys)
        {
            if (result.TryGetValue(id, out var extra))
            {
                extra.Versions.TryAdd(version, null);
            }
        }

        await ReadTreesAsync(db, connection, keys, result, cancellationToken);
        return result;
    }

    private static async Task ReadIncidentsAsync(DashboardDb db, DbConnection connection, IReadOnlyList<string> ids,
        Dictionary<string, IssueExtra> result, CancellationToken cancellationToken)
    {
        // Upstream: the first incident is the lowest version's earliest, the last the highest version's latest (its
        // DISTINCT ON with _timestamp ASC puts NULL last on PostgreSQL, and with DESC first; ordering on "IS NULL" before
        // the timestamp keeps both on SQLite too).
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH ranked AS (
                SELECT ic.id,
                    ROW_NUMBER() OVER (PARTITION BY ic.issue_id
                        ORDER BY ic.issue_version, ic._timestamp IS NULL, ic._timestamp, ic.id) AS first_rank,
                    ROW_NUMBER() OVER (PARTITION BY ic.issue_id
                        ORDER BY ic.issue_version DESC, ic._timestamp IS NULL DESC, ic._timestamp DESC, ic.id DESC) AS last_rank
                FROM incidents ic
                WHERE {db.Kcidb.InIds("ic.issue_id", "ids")}
            )
            SELECT ic.issue_id, r.first_rank, r.last_rank, ic._timestamp, ic.issue_version,
                c.git_commit_hash, c.git_repository_url, c.git_repository_branch, c.git_commit_name, c.tree_name, c.id
            FROM ranked r
            JOIN incidents ic ON ic.id = r.id
            {IncidentCheckout}
            WHERE r.first_rank = 1 OR r.last_rank = 1
            """;
        db.Kcidb.AddIds(command, "ids", ids);
        var first = new Dictionary<string, Incident>(StringComparer.Ordinal);
        var last = new Dictionary<string, Incident>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var issueId = reader.GetString(0);
                var incident = new Incident(Rows.Time(db, reader, 3), Rows.Text(reader, 5), Rows.Text(reader, 6), Rows.Text(reader, 7),
                    Rows.Text(reader, 8), Rows.Text(reader, 9), Rows.Long(reader, 4), Rows.Text(reader, 10));
                if (Rows.Long(reader, 1) == 1)
                {
                    first[issueId] = incident;
                }

                if (Rows.Long(reader, 2) == 1)
                {
                    last[issueId] = incident;
                }
            }
        }

        foreach (var (issueId, incident) in first)
        {
            result[issueId] = new IssueExtra(incident, last.GetValueOrDefault(issueId, incident), []);
        }
    }

    private static async Task ReadTreesAsync(DashboardDb db, DbConnection connection, IReadOnlyCollection<(string Id, long Version)> keys,
        Dictionary<string, IssueExtra> result, CancellationToken cancellationToken)
    {
        // From issues, so that "this version exists without incidents" (a row with no checkout) differs from "no such
        // version" (no row): upstream's get_issue_trees_data.
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT DISTINCT i.id, i.version, c.tree_name, c.git_repository_url, c.git_repository_branch
            FROM issues i
            LEFT JOIN incidents ic ON ic.issue_id = i.id AND ic.issue_version = i.version
            {IncidentCheckout}
            WHERE {db.Kcidb.InPairs("i.id", "i.version", "keys")}
            ORDER BY i.id, i.version, c.tree_name, c.git_repository_branch, c.git_repository_url
            """;
        db.Kcidb.AddPairs(command, "keys", keys);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            var version = Rows.Long(reader, 1)!.Value;
            if (!result.TryGetValue(id, out var extra))
            {
                continue;
            }

            if (extra.Versions.GetValueOrDefault(version) is not { } trees)
            {
                trees = new IssueVersionTrees(id, version, [], new SortedSet<string>(StringComparer.Ordinal));
                extra.Versions[version] = trees;
            }

            var treeName = Rows.Text(reader, 2);
            var url = Rows.Text(reader, 3);
            var branch = Rows.Text(reader, 4);
            if (treeName is not null && branch is not null)
            {
                trees.Trees.Add(new TreeBranch(treeName, branch));
            }

            if (Tag(url, branch) is { } tag)
            {
                trees.Tags.Add(tag);
            }
        }
    }

    private static string? Tag(string? url, string? branch) => (url, branch) switch
    {
        (MainlineUrl, "master") => "mainline",
        (StableUrl, not null) => "stable",
        (LinuxNextUrl, "master" or "pending-fixes") => "linux-next",
        _ => null,
    };
}
