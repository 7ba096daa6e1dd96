using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull labs' claims: one row per job node a lab's worker took. The primary key is what makes a claim
/// atomic on SQLite and PostgreSQL alike: of two workers inserting the same node, one gets the row, the other 409.</summary>
internal static class PullLabMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new("pipeline", 2, "pull lab claims", """
            CREATE TABLE pipeline_pull_claims (
                node_id TEXT PRIMARY KEY, lab TEXT NOT NULL, worker TEXT NOT NULL, claimed TEXT NOT NULL);
            """, """
            CREATE TABLE pipeline_pull_claims (
                node_id TEXT PRIMARY KEY, lab TEXT NOT NULL, worker TEXT NOT NULL, claimed TEXT NOT NULL);
            """),
    ];
}
