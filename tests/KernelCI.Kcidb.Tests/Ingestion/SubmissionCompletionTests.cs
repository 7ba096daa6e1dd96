using KernelCI.Kcidb.Ingestion;
using KernelCI.Kcidb.Spool;
using KernelCI.Kcidb.Tests.Spool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace KernelCI.Kcidb.Tests.Ingestion;

/// <summary>The one way a spooled file leaves the ready state: its folder, its status and the metrics agree.</summary>
public sealed class SubmissionCompletionTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly SubmissionSpool _spool = new(Directory.CreateTempSubdirectory("kernelci-completion-").FullName);

    private SubmissionCompletion Create() =>
        new(_spool, new KcidbMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), _spool, TimeProvider.System), NullLogger.Instance);

    [Fact]
    public void Processed_files_are_archived_and_counted()
    {
        var completion = Create();
        var id = SpoolFiles.Drop(_spool, "{}");

        completion.Processed(_spool.ListReady(), objects: 3);

        Assert.Equal(SubmissionStatus.Processed, _spool.StatusOf(id));
        var values = MetricReading.Read(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        Assert.Equal(1, values["kcidb_ingested_submissions_total"]);
        Assert.Equal(3, values["kcidb_ingested_objects_total"]);
    }

    [Fact]
    public void Failed_files_keep_their_reasons_and_are_counted()
    {
        var completion = Create();
        var id = SpoolFiles.Drop(_spool, "{}");

        completion.Failed(_spool.ListReady()[0], ["one", "two"]);

        Assert.Equal(SubmissionStatus.Failed, _spool.StatusOf(id));
        Assert.Equal(["one", "two"], _spool.FailureReasons(id));
        Assert.Equal(1, MetricReading.Read(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>())["kcidb_failed_submissions_total"]);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_spool.Root, recursive: true);
    }
}
