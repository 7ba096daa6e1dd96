using System.Data.Common;
using KernelCI.Dashboard.Data;
using KernelCI.Data;

namespace KernelCI.Dashboard.Trees;

/// <summary>Finds the checkouts of a <see cref="TreeScope"/>: every checkout of the commit (resubmissions included),
/// through the (git_commit_hash) index. A commit that matches no hash is looked up as a tag (upstream's RELEVANT_HASH,
/// kernelci/dashboard: backend/kernelCI_app/queries/tree.py), among that origin's checkouts of the branch.</summary>
internal static class TreeCheckouts
{
    public const string Columns = "c.id, c.origin, c.tree_name, c.git_repository_url, c.git_repository_branch, c.git_commit_hash, c.git_commit_name, c.git_commit_tags, c.start_time";

    public static async Task<IReadOnlyList<CheckoutRow>> FindAsync(DashboardDb db, TreeScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenAsync(cancellationToken);
        var rows = await ReadAsync(db, connection, scope, "c.git_commit_hash = @commit", scope.Commit, cancellationToken);
        if (rows.Count > 0)
        {
            return rows;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT c.git_commit_hash FROM checkouts c
            WHERE {db.Sql.ArrayContains("c.git_commit_tags", "tag")} AND c.git_commit_hash IS NOT NULL AND {scope.Where(command, "c")}
            ORDER BY c.start_time DESC LIMIT 1
            """;
        command.AddParameter("tag", scope.Commit);
        if (await command.ExecuteScalarAsync(cancellationToken) is not string hash)
        {
            return [];
        }

        return await ReadAsync(db, connection, scope, "c.git_commit_hash = @commit", hash, cancellationToken);
    }

    public static CheckoutRow Read(DashboardDb db, DbDataReader reader, int at) => new(
        reader.GetString(at),
        reader.GetString(at + 1),
        Text(reader, at + 2),
        Text(reader, at + 3),
        Text(reader, at + 4),
        Text(reader, at + 5),
        Text(reader, at + 6),
        db.Sql.ReadStrings(reader, at + 7) ?? [],
        db.Sql.ReadTime(reader, at + 8));

    public static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<IReadOnlyList<CheckoutRow>> ReadAsync(DashboardDb db, DbConnection connection, TreeScope scope,
        string condition, string commit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM checkouts c WHERE {condition} AND {scope.Where(command, "c")} ORDER BY c.start_time DESC, c.id";
        command.AddParameter("commit", commit);
        var rows = new List<CheckoutRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(db, reader, 0));
        }

        return rows;
    }
}
