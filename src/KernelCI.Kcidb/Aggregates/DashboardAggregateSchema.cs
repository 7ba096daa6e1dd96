namespace KernelCI.Kcidb.Aggregates;

/// <summary>The dashboard's aggregates, kept in KCIDB's database by ingestion (docs/dashboard-api.md, "Aggregates").
/// Upstream's dashboard has `tree_listing`, `hardware_status` and `tree_tests_rollup` filled by a separate aggregator
/// every 5 s (kernelci/dashboard: backend/kernelCI_app/management/commands/process_pending_aggregations.py); ours are
/// updated in the ingestion transaction itself, so they are never behind the rows and never inconsistent with them.
/// <list type="bullet">
/// <item><c>dash_build_tests</c>: a build's tests counted per test origin, boot or not, first path segment, platform,
/// compatibles, lab and raw status. It is the only aggregate that depends on test rows.</item>
/// <item><c>dash_checkout_status</c>: per checkout, builds, boots and tests per raw status (the tree listing).</item>
/// <item><c>dash_hardware_status</c>: per checkout, test origin and hardware (platform and compatibles), the
/// builds that have tests on it, its boots and its tests per raw status (the hardware listing).</item>
/// </list>
/// Statuses are the raw KCIDB ones plus <c>NULL</c>; compatibles are the JSON array text (<c>["a,b","c"]</c>) or
/// empty; a missing platform, lab or path group is empty. Rows whose count reaches 0 are deleted.
/// <see cref="AggregateRecompute"/> is their definition in SQL.</summary>
internal static class DashboardAggregateSchema
{
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS dash_build_tests (
            build_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            is_boot INTEGER NOT NULL,
            path_group TEXT NOT NULL,
            platform TEXT NOT NULL,
            compatibles TEXT NOT NULL,
            lab TEXT NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (build_id, origin, is_boot, path_group, platform, compatibles, lab, status)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS dash_checkout_status (
            checkout_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (checkout_id, kind, status)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS dash_hardware_status (
            platform TEXT NOT NULL,
            compatibles TEXT NOT NULL,
            checkout_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (platform, compatibles, checkout_id, origin, kind, status)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS dash_hardware_status_checkout ON dash_hardware_status (checkout_id);
        """;

    public const string PostgreSql = """
        CREATE TABLE IF NOT EXISTS dash_build_tests (
            build_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            is_boot SMALLINT NOT NULL,
            path_group TEXT NOT NULL,
            platform TEXT NOT NULL,
            compatibles TEXT NOT NULL,
            lab TEXT NOT NULL,
            status TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (build_id, origin, is_boot, path_group, platform, compatibles, lab, status)
        );

        CREATE TABLE IF NOT EXISTS dash_checkout_status (
            checkout_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (checkout_id, kind, status)
        );

        CREATE TABLE IF NOT EXISTS dash_hardware_status (
            platform TEXT NOT NULL,
            compatibles TEXT NOT NULL,
            checkout_id TEXT NOT NULL,
            origin TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            n BIGINT NOT NULL,
            PRIMARY KEY (platform, compatibles, checkout_id, origin, kind, status)
        );

        CREATE INDEX IF NOT EXISTS dash_hardware_status_checkout ON dash_hardware_status (checkout_id);
        """;
}
