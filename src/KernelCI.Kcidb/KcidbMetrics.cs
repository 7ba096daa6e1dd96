using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using KernelCI.Kcidb.Spool;

namespace KernelCI.Kcidb;

/// <summary>
/// kcidb-restd-rs's metric names, plus the ingester's, on the meter "KernelCI.Kcidb". The counters are observable ones
/// over this class's own totals: each is exported from the first scrape, `name 0` before anything happened (as
/// kcidb-restd-rs shows them), whenever the exporter started listening, and counting costs one interlocked add.
/// </summary>
public sealed class KcidbMetrics
{
    public const string MeterName = "KernelCI.Kcidb";

    private readonly LabelledTotals _errors = new("kind");
    private readonly LabelledTotals _byOrigin = new("origin");
    private long _submissions;
    private long _submissionBytes;
    private long _ingestedSubmissions;
    private long _ingestedObjects;
    private long _failedSubmissions;
    private long _prepareMilliseconds;
    private long _loadMilliseconds;

    public KcidbMetrics(IMeterFactory meterFactory, SubmissionSpool spool, TimeProvider timeProvider)
    {
        var started = timeProvider.GetTimestamp();
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableCounter("kcidb_submissions_total", () => Volatile.Read(ref _submissions), description: "Submissions accepted into the spool");
        meter.CreateObservableCounter("kcidb_submission_bytes_total", () => Volatile.Read(ref _submissionBytes), description: "Bytes of submissions accepted");
        meter.CreateObservableCounter("kcidb_errors_total", _errors.Observe, description: "Submissions refused, by kind (user or system)");
        meter.CreateObservableCounter("kcidb_submissions_by_origin", _byOrigin.Observe, description: "Submissions accepted per token origin");
        meter.CreateObservableCounter("kcidb_ingested_submissions_total", () => Volatile.Read(ref _ingestedSubmissions), description: "Submissions loaded into the database");
        meter.CreateObservableCounter("kcidb_ingested_objects_total", () => Volatile.Read(ref _ingestedObjects), description: "Objects loaded into the database");
        meter.CreateObservableCounter("kcidb_failed_submissions_total", () => Volatile.Read(ref _failedSubmissions), description: "Submissions moved to failed/");
        meter.CreateObservableCounter("kcidb_ingest_prepare_milliseconds_total", () => Volatile.Read(ref _prepareMilliseconds), description: "Time spent parsing, validating and upgrading");
        meter.CreateObservableCounter("kcidb_ingest_load_milliseconds_total", () => Volatile.Read(ref _loadMilliseconds), description: "Time spent in database transactions");
        meter.CreateObservableGauge("kcidb_spool_json_files", () => spool.CountReady(), description: "Submissions waiting in the spool");
        meter.CreateObservableGauge("kcidb_uptime_seconds", () => timeProvider.GetElapsedTime(started).TotalSeconds, description: "Seconds since start");
    }

    public void CountSubmission(string origin, long bytes)
    {
        Interlocked.Increment(ref _submissions);
        Interlocked.Add(ref _submissionBytes, bytes);
        _byOrigin.Add(origin, 1);
    }

    /// <param name="kind">`user` (the request was refused) or `system` (the server failed).</param>
    public void CountError(string kind) => _errors.Add(kind, 1);

    /// <summary>Counts submissions loaded into the database; returns the objects loaded since start, for the log.</summary>
    public long CountIngested(long submissions, long objects)
    {
        Interlocked.Add(ref _ingestedSubmissions, submissions);
        return Interlocked.Add(ref _ingestedObjects, objects);
    }

    public void CountFailed() => Interlocked.Increment(ref _failedSubmissions);

    public void AddPrepareTime(TimeSpan elapsed) => Interlocked.Add(ref _prepareMilliseconds, (long)elapsed.TotalMilliseconds);

    public void AddLoadTime(TimeSpan elapsed) => Interlocked.Add(ref _loadMilliseconds, (long)elapsed.TotalMilliseconds);

    /// <summary>Totals of one counter split by one label; a single unlabelled 0 until the first count.</summary>
    private sealed class LabelledTotals(string label)
    {
        private readonly ConcurrentDictionary<string, StrongBox> _totals = new(StringComparer.Ordinal);

        public void Add(string value, long by) => Interlocked.Add(ref _totals.GetOrAdd(value, _ => new StrongBox()).Value, by);

        public IEnumerable<Measurement<long>> Observe() => _totals.IsEmpty
            ? [new Measurement<long>(0)]
            : [.. _totals.Select(t => new Measurement<long>(Volatile.Read(ref t.Value.Value), new KeyValuePair<string, object?>(label, t.Key)))];
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}
