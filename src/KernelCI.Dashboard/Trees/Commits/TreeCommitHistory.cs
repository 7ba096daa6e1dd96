using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees.Commits;

/// <summary>The commits `tree/{hash}/commits` counts: the given one and the 5 before it on the same origin, branch and
/// repository (or tree), newest first, each with its checkouts up to the given commit's newest checkout (upstream's
/// get_tree_commit_history, kernelci/dashboard:backend/kernelCI_app/queries/tree.py). Checkouts are read newest first from the branch's (branch, start_time)
/// index until a seventh commit shows up.</summary>
internal static class TreeCommitHistory
{
    public const int Commits = 6;

    // A bound on the newest-first read, so a branch's whole history is never read; six commits resubmitted this often
    // do not happen.
    private const int MaxCheckoutsRead = 1000;

    public static async Task<IReadOnlyList<(string Hash, IReadOnlyList<CheckoutRow> Checkouts)>?> FindAsync(DashboardDb db, TreeScope scope,
        CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var head = await HeadAsync(db, connection, scope, "c.git_commit_hash = @commit", cancellationToken)
            ?? await HeadAsync(db, connection, scope, db.Sql.ArrayContains("c.git_commit_tags", "commit"), cancellationToken);
        if (head is null)
        {
            return null;
        }

        var commits = new List<(string Hash, List<CheckoutRow> Checkouts)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {TreeCheckouts.Columns} FROM checkouts c
                WHERE {scope.Where(command, "c")} AND c.git_commit_hash IS NOT NULL AND c.start_time <= @head
                ORDER BY c.start_time DESC, c.id
                LIMIT {MaxCheckoutsRead}
                """;
            db.Sql.AddTime(command, "head", head.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = TreeCheckouts.Read(db, reader, 0);
                var at = commits.FindIndex(c => c.Hash == row.CommitHash);
                if (at >= 0)
                {
                    commits[at].Checkouts.Add(row);
                }
                else if (commits.Count < Commits)
                {
                    commits.Add((row.CommitHash!, [row]));
                }
                else
                {
                    break;
                }
            }
        }

        // Older checkouts of the six commits, past the point where the seventh commit stopped the read.
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT {TreeCheckouts.Columns} FROM checkouts c
                WHERE {db.Kcidb.InIds("c.git_commit_hash", "hashes")} AND {scope.Where(command, "c")} AND c.start_time <= @head
                ORDER BY c.start_time DESC, c.id
                """;
            db.Kcidb.AddIds(command, "hashes", commits.Select(c => c.Hash));
            db.Sql.AddTime(command, "head", head.Value);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = TreeCheckouts.Read(db, reader, 0);
                var commit = commits.First(c => c.Hash == row.CommitHash);
                if (!commit.Checkouts.Exists(c => c.Id == row.Id))
                {
                    commit.Checkouts.Add(row);
                }
            }
        }

        return commits.Select(c => (c.Hash, (IReadOnlyList<CheckoutRow>)c.Checkouts)).ToList();
    }

    /// <summary>The checkouts of each of <paramref name="hashes"/> in the scope (its commit unused), for
    /// `tree/commits-history`.</summary>
    public static async Task<IReadOnlyList<(string Hash, IReadOnlyList<CheckoutRow> Checkouts)>> ByHashAsync(DashboardDb db, TreeScope scope,
        IReadOnlyList<string> hashes, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {TreeCheckouts.Columns} FROM checkouts c
            WHERE {db.Kcidb.InIds("c.git_commit_hash", "hashes")} AND {scope.Where(command, "c")}
            ORDER BY c.start_time DESC, c.id
            """;
        db.Kcidb.AddIds(command, "hashes", hashes.Distinct());
        var byHash = hashes.Distinct().ToDictionary(h => h, _ => new List<CheckoutRow>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = TreeCheckouts.Read(db, reader, 0);
            byHash[row.CommitHash!].Add(row);
        }

        return hashes.Select(h => (h, (IReadOnlyList<CheckoutRow>)byHash[h])).ToList();
    }

    private static async Task<DateTimeOffset?> HeadAsync(DashboardDb db, DbConnection connection, TreeScope scope, string condition,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT MAX(c.start_time) FROM checkouts c WHERE {condition} AND {scope.Where(command, "c")}";
        command.AddParameter("commit", scope.Commit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? db.Sql.ReadTime(reader, 0) : null;
    }
}
