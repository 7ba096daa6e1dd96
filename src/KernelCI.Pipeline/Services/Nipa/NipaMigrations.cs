using KernelCI.Data;

namespace KernelCI.Pipeline.Services.Nipa;

/// <summary>Pipeline migration 5: the NIPA runs published (docs/integrations.md, "NIPA"). One row per executor and
/// NIPA branch, as NIPA's collector keys them: the checkout that owns the entry, when it started and, once its results
/// file is written, the file's URL. The manifest is rendered from this table whole, so two runs ending together
/// cannot drop each other's entry, and the primary key makes a restart or an event read twice add nothing.</summary>
internal static class NipaMigrations
{
    private const string Schema = """
        CREATE TABLE pipeline_nipa_runs (
            executor TEXT NOT NULL, branch TEXT NOT NULL, checkout_id TEXT NOT NULL, started TEXT NOT NULL, url TEXT,
            updated TEXT NOT NULL,
            PRIMARY KEY (executor, branch));
        """;

    public static IReadOnlyList<Migration> All { get; } = [new("pipeline", 5, "nipa runs", Schema, Schema)];
}
