using KernelCI.ServiceDefaults.Metrics;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Submissions;

namespace KernelCI.Kcidb;

/// <summary>kcidb-restd-rs's metric names, plus the ingester's.</summary>
public sealed class KcidbMetrics
{
    public KcidbMetrics(MetricsRegistry registry, SubmissionSpool spool, TimeProvider timeProvider)
    {
        var started = timeProvider.GetTimestamp();
        Submissions = registry.Counter("kcidb_submissions_total", "Submissions accepted into the spool");
        SubmissionBytes = registry.Counter("kcidb_submission_bytes_total", "Bytes of submissions accepted");
        Errors = registry.Counter("kcidb_errors_total", "Submissions refused, by kind (user or system)");
        ByOrigin = registry.Counter("kcidb_submissions_by_origin", "Submissions accepted per token origin");
        IngestedSubmissions = registry.Counter("kcidb_ingested_submissions_total", "Submissions loaded into the database");
        IngestedObjects = registry.Counter("kcidb_ingested_objects_total", "Objects loaded into the database");
        FailedSubmissions = registry.Counter("kcidb_failed_submissions_total", "Submissions moved to failed/");
        PrepareMilliseconds = registry.Counter("kcidb_ingest_prepare_milliseconds_total", "Time spent parsing, validating and upgrading");
        LoadMilliseconds = registry.Counter("kcidb_ingest_load_milliseconds_total", "Time spent in database transactions");
        registry.Gauge("kcidb_spool_json_files", "Submissions waiting in the spool", () => spool.CountReady());
        registry.Gauge("kcidb_uptime_seconds", "Seconds since start", () => timeProvider.GetElapsedTime(started).TotalSeconds);
    }

    public Counter Submissions { get; }

    public Counter SubmissionBytes { get; }

    public Counter Errors { get; }

    public Counter ByOrigin { get; }

    public Counter IngestedSubmissions { get; }

    public Counter IngestedObjects { get; }

    public Counter FailedSubmissions { get; }

    public Counter PrepareMilliseconds { get; }

    public Counter LoadMilliseconds { get; }
}
