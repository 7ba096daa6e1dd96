using KernelCI.Data;

namespace KernelCI.Pipeline.Services.Patchwork;

/// <summary>Pipeline migration 4: what the Patchwork service must not forget across restarts (docs/integrations.md).
/// `cursors`: per project and event category, the last event taken (its date and id: Patchwork's `since` is `>=`).
/// `series`: each series taken, once per run (a retest is the next run), with the patchset node testing it; the
/// primary key is what makes an event read twice start nothing twice. `checks`: every check meant for a patch, written
/// before it is posted and marked once Patchwork answered 201, so no check is posted twice.</summary>
internal static class PatchworkMigrations
{
    private const string Schema = """
        CREATE TABLE pipeline_patchwork_cursors (
            source TEXT NOT NULL, category TEXT NOT NULL, event_date TEXT NOT NULL, event_id BIGINT NOT NULL,
            PRIMARY KEY (source, category));
        CREATE TABLE pipeline_patchwork_series (
            source TEXT NOT NULL, series_id BIGINT NOT NULL, run INTEGER NOT NULL, status TEXT NOT NULL,
            node_id TEXT, patches TEXT, message TEXT, taken TEXT NOT NULL, updated TEXT NOT NULL,
            PRIMARY KEY (source, series_id, run));
        CREATE INDEX pipeline_patchwork_series_status ON pipeline_patchwork_series (status);
        CREATE TABLE pipeline_patchwork_checks (
            source TEXT NOT NULL, patch_id BIGINT NOT NULL, run INTEGER NOT NULL, context TEXT NOT NULL, state TEXT NOT NULL,
            series_id BIGINT NOT NULL, target_url TEXT, description TEXT NOT NULL, posted INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (source, patch_id, run, context, state));
        """;

    public static IReadOnlyList<Migration> All { get; } = [new("pipeline", 4, "patchwork cursors, series and checks", Schema, Schema)];
}
