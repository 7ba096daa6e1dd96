using System.Diagnostics.Metrics;
using KernelCI.Kcidb.Spool;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Kcidb.Tests;

/// <summary>kcidb-restd-rs's metric names and labels, on the "KernelCI.Kcidb" meter.</summary>
public sealed class KcidbMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly string _spoolDirectory = Directory.CreateTempSubdirectory("kernelci-metrics-").FullName;

    private IMeterFactory Factory => _services.GetRequiredService<IMeterFactory>();

    private KcidbMetrics Create() => new(Factory, new SubmissionSpool(_spoolDirectory), TimeProvider.System);

    [Fact]
    public void Every_metric_shows_zero_before_anything_happened()
    {
        Create();

        var values = MetricReading.Read(Factory);

        string[] zero =
        [
            "kcidb_submissions_total", "kcidb_submission_bytes_total", "kcidb_errors_total", "kcidb_submissions_by_origin",
            "kcidb_ingested_submissions_total", "kcidb_ingested_objects_total", "kcidb_failed_submissions_total",
            "kcidb_ingest_prepare_milliseconds_total", "kcidb_ingest_load_milliseconds_total", "kcidb_spool_json_files",
        ];
        Assert.All(zero, name => Assert.Equal(0, values[name]));
        Assert.True(values.ContainsKey("kcidb_uptime_seconds"));
    }

    [Fact]
    public void Submissions_are_counted_by_origin_label()
    {
        var metrics = Create();

        metrics.CountSubmission("acme", 10);
        metrics.CountSubmission("acme", 5);
        metrics.CountSubmission("beta", 1);

        var values = MetricReading.Read(Factory);
        Assert.Equal(3, values["kcidb_submissions_total"]);
        Assert.Equal(16, values["kcidb_submission_bytes_total"]);
        Assert.Equal(2, values["kcidb_submissions_by_origin{origin=\"acme\"}"]);
        Assert.Equal(1, values["kcidb_submissions_by_origin{origin=\"beta\"}"]);
        Assert.False(values.ContainsKey("kcidb_submissions_by_origin"));
    }

    [Fact]
    public void Errors_are_counted_by_kind_label()
    {
        var metrics = Create();

        metrics.CountError("user");
        metrics.CountError("system");

        var values = MetricReading.Read(Factory);
        Assert.Equal(1, values["kcidb_errors_total{kind=\"user\"}"]);
        Assert.Equal(1, values["kcidb_errors_total{kind=\"system\"}"]);
    }

    [Fact]
    public void Ingested_objects_accumulate_for_the_log()
    {
        var metrics = Create();

        metrics.CountIngested(1, 4);

        Assert.Equal(10, metrics.CountIngested(2, 6));
        Assert.Equal(3, MetricReading.Read(Factory)["kcidb_ingested_submissions_total"]);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_spoolDirectory, recursive: true);
    }
}
