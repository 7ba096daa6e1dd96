using KernelCI.Data;

namespace KernelCI.Pipeline.Runtimes.Lava.Callback;

/// <summary>The pipeline's one table: callbacks received and not yet turned into nodes (docs/labs.md, the callback).
/// A row is written before the lab gets its 202 and deleted once its node tree is in Maestro; `due` is when a worker
/// may take it (again): a claim pushes it forward, so a host killed mid-way leaves the row for the next start.</summary>
internal static class LavaCallbackMigrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new("pipeline", 1, "lava callbacks", """
            CREATE TABLE pipeline_lava_callbacks (
                id INTEGER PRIMARY KEY AUTOINCREMENT, node_id TEXT NOT NULL, lab TEXT NOT NULL, body BLOB NOT NULL,
                received TEXT NOT NULL, due TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, failure TEXT);
            CREATE INDEX pipeline_lava_callbacks_due ON pipeline_lava_callbacks (due) WHERE failure IS NULL;
            """, """
            CREATE TABLE pipeline_lava_callbacks (
                id BIGSERIAL PRIMARY KEY, node_id TEXT NOT NULL, lab TEXT NOT NULL, body BYTEA NOT NULL,
                received TEXT NOT NULL, due TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, failure TEXT);
            CREATE INDEX pipeline_lava_callbacks_due ON pipeline_lava_callbacks (due) WHERE failure IS NULL;
            """),
    ];
}
