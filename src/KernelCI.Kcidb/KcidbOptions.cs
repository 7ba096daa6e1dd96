namespace KernelCI.Kcidb;

public sealed record KcidbOptions
{
    /// <summary>Upstream's limit for one submission body.</summary>
    public long MaxSubmissionBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Spool files in one batch at most.</summary>
    public int BatchFiles { get; init; } = 200;

    /// <summary>Spool bytes in one batch at most (the first file is always taken, whatever its size).</summary>
    public long BatchBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>On SQLite, how many spool bytes one transaction may take, over several batches, while more batches are
    /// ready: each batch is freed once written, so this costs no memory, and a hot index page reaches the WAL once per
    /// commit. A transaction always commits as soon as no checked batch is waiting. 0 commits every batch.</summary>
    public long TransactionBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Whether this process moves spool files into the database (an API-only replica may not).</summary>
    public bool RunIngester { get; init; } = true;

    /// <summary>Whether ingestion keeps the dashboard's aggregate tables exact in each batch's transaction
    /// (docs/dashboard-api.md, "Aggregates"). Off, they go stale until rebuilt; every ingesting replica must agree.</summary>
    public bool DashboardAggregates { get; init; } = true;

    /// <summary>Whether an ingesting process also keeps regressions and flaky series up to date after each batch
    /// (docs/regressions.md, "Where they are kept"). Off, the tables stay as they are.</summary>
    public bool TrackRegressions { get; init; } = true;

    /// <summary>The origin of the issues and incidents KCIDB makes itself (triage of other origins' logs, known issues);
    /// unset, Pipeline:Origin's value (default `maestro`), so that one problem is one issue whoever triaged it.</summary>
    public string? Origin { get; init; }

    /// <summary>Whether an ingesting process triages other origins' failed builds and tests from their logs, when the log is
    /// in our storage or on Dashboard:ProxyAllowedHosts (docs/regressions.md, "Other origins' logs").</summary>
    public bool TriageOtherOrigins { get; init; } = true;

    /// <summary>How many days of stored failed tests a new or changed known issue's matcher is applied to (0: only new
    /// results).</summary>
    public int KnownIssueBackfillDays { get; init; } = 14;

    /// <summary>Extra JWT secrets accepted besides the data folder's own (upstream's UNIFIED_SECRET).</summary>
    public IReadOnlyList<string> ExtraSecrets { get; init; } = [];
}
