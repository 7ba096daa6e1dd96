namespace KernelCI.ServiceDefaults.Tests.Metrics;

/// <summary>Counter.Add is on the download and submit paths: the exporter must not allocate per measurement.</summary>
public sealed class RecordingCostTests
{
    private const int Measurements = 200_000;

    [Fact]
    public async Task Adding_to_a_tagged_counter_allocates_nothing_per_measurement()
    {
        await using var host = await MetricsHost.StartAsync();
        var counter = host.Meter.CreateCounter<long>("storage_downloads_total");
        var tag = new KeyValuePair<string, object?>("status", "200");
        counter.Add(1, tag);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Measurements; i++)
        {
            counter.Add(1, tag);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < Measurements / 100, $"{allocated} bytes for {Measurements} measurements");
        Assert.Contains($"storage_downloads_total{{status=\"200\"}} {Measurements + 1}\n", await host.ScrapeAsync(), StringComparison.Ordinal);
    }
}
