using KernelCI.Dashboard.Data;
using KernelCI.Dashboard.Trees.Commits;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees.Latest;

/// <summary>`tree/{name}/{branch}` and `tree/{name}/{branch}/commits`: a branch's newest checkout (or the newest of a
/// commit or tag), and its commits newest first (upstream's get_latest_tree and get_tree_commits, kernelci/dashboard:backend/kernelCI_app/queries/tree.py),
/// read from the (branch, start_time) index.</summary>
internal static class TreeLatest
{
    public static async Task<CheckoutRow?> FindAsync(DashboardDb db, string treeName, string branch, string origin, string? commit,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var commitCondition = commit is null
            ? "c.git_commit_hash IS NOT NULL"
            : $"(c.git_commit_hash = @commit OR {db.Sql.ArrayContains("c.git_commit_tags", "commit")})";
        command.CommandText = $"""
            SELECT {TreeCheckouts.Columns} FROM checkouts c
            WHERE c.git_repository_branch = @branch AND c.tree_name = @tree AND c.origin = @origin AND {commitCondition}
            ORDER BY c.start_time DESC, c.id LIMIT 1
            """;
        command.AddParameter("branch", branch);
        command.AddParameter("tree", treeName);
        command.AddParameter("origin", origin);
        if (commit is not null)
        {
            command.AddParameter("commit", commit);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? TreeCheckouts.Read(db, reader, 0) : null;
    }

    public static async Task<IReadOnlyList<CommitListItem>> CommitsAsync(DashboardDb db, string treeName, string branch, string origin, string? gitUrl,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TreeCheckouts.Columns} FROM checkouts c
            WHERE c.git_repository_branch = @branch AND c.tree_name = @tree AND c.origin = @origin{(gitUrl is null ? "" : " AND c.git_repository_url = @url")}
            ORDER BY c.start_time DESC, c.id
            """;
        command.AddParameter("branch", branch);
        command.AddParameter("tree", treeName);
        command.AddParameter("origin", origin);
        if (gitUrl is not null)
        {
            command.AddParameter("url", gitUrl);
        }

        var commits = new List<(string? Hash, CheckoutRow Newest, SortedSet<string> Tags, string? Name)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = TreeCheckouts.Read(db, reader, 0);
            var key = row.CommitHash ?? "";
            if (!index.TryGetValue(key, out var at))
            {
                index[key] = commits.Count;
                commits.Add((row.CommitHash, row, new SortedSet<string>(row.Tags, StringComparer.Ordinal), row.CommitName));
                continue;
            }

            commits[at].Tags.UnionWith(row.Tags);
            // MAX(git_commit_name), as upstream.
            if (string.CompareOrdinal(row.CommitName, commits[at].Name) > 0)
            {
                commits[at] = commits[at] with { Name = row.CommitName };
            }
        }

        return commits.Select(c => new CommitListItem(c.Hash, DashboardSql.FormatTime(c.Newest.StartTime), c.Name, [.. c.Tags])).ToList();
    }
}
