namespace KernelCI.Kcidb.Store;

/// <summary>How the ingester's WAL goes back into the database file when a <see cref="SqliteCheckpointer"/> copies it:
/// a checkpoint is asked for every <see cref="CheckpointEveryPages"/> pages the writer appends, and the writer starts the
/// WAL over itself once it has appended <see cref="RestartAtPages"/>.</summary>
internal sealed record SqliteWalPolicy(int CheckpointEveryPages, int RestartAtPages)
{
    /// <summary>64 MiB and 256 MiB of 16 KiB pages: the writer's time per object was 15–21 % lower than with SQLite's
    /// own checkpoints every 256 MiB (docs/benchmarks.md, kcidb-ingest, session 6).</summary>
    public static SqliteWalPolicy Default { get; } = new(4096, 16384);
}
