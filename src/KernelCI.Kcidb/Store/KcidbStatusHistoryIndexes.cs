namespace KernelCI.Kcidb.Store;

/// <summary>The index the dashboard's test status history reads (docs/dashboard-api.md, "GET /api/test/status-history"):
/// a checkout's builds of one configuration. Without it PostgreSQL found them per checkout of the branch by ANDing the
/// checkout's builds with every build of that configuration in the database (a bitmap of all of them for each
/// checkout), so the cost grew with the checkouts times the builds. Builds are 2.5 % of the objects, so it costs
/// ingestion little.</summary>
internal static class KcidbStatusHistoryIndexes
{
    public const string Both = "CREATE INDEX IF NOT EXISTS builds_checkout_id_config_name ON builds (checkout_id, config_name);";
}
