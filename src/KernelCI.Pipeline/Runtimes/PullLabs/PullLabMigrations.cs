using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.PullLabs;

/// <summary>The pull labs' claims: one row per job node a lab's worker took. The primary key is what makes a claim
/// atomic on SQLite and PostgreSQL alike: of two workers inserting the same node, one gets the row, the other 409.
/// Migration 3 gives each claim a lease (docs/labs.md, "Leases and re-claims"): `lease_until` (fixed-width UTC text,
/// compared as text on both), its length `lease_s`, how many times the job was `claims`-ed, and `ended`/`ended_by`
/// (`result`: the lab reported; `lease`: the last lease ran out and the node was finished); and the lab's workers
/// as last seen, for the lab view.</summary>
internal static class PullLabMigrations
{
    private const string Leases = """
        ALTER TABLE pipeline_pull_claims ADD COLUMN lease_until TEXT;
        ALTER TABLE pipeline_pull_claims ADD COLUMN lease_s INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE pipeline_pull_claims ADD COLUMN claims INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE pipeline_pull_claims ADD COLUMN ended TEXT;
        ALTER TABLE pipeline_pull_claims ADD COLUMN ended_by TEXT;
        UPDATE pipeline_pull_claims SET lease_until = claimed;
        CREATE INDEX pipeline_pull_claims_open ON pipeline_pull_claims (lab, ended);
        CREATE TABLE pipeline_pull_workers (
            lab TEXT NOT NULL, worker TEXT NOT NULL, seen TEXT NOT NULL, PRIMARY KEY (lab, worker));
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new("pipeline", 2, "pull lab claims", """
            CREATE TABLE pipeline_pull_claims (
                node_id TEXT PRIMARY KEY, lab TEXT NOT NULL, worker TEXT NOT NULL, claimed TEXT NOT NULL);
            """, """
            CREATE TABLE pipeline_pull_claims (
                node_id TEXT PRIMARY KEY, lab TEXT NOT NULL, worker TEXT NOT NULL, claimed TEXT NOT NULL);
            """),
        // Claims from before leases get one that has already run out: their worker may be long gone (the job was
        // stuck until its node timed out), so they are claimable again.
        new("pipeline", 3, "pull lab leases and workers", Leases, Leases),
    ];
}
