using KernelCI.ServiceDefaults.Metrics;

namespace KernelCI.ServiceDefaults.Tests.Metrics;

public sealed class MetricsRegistryTests
{
    [Fact]
    public void Counters_and_gauges_render_in_prometheus_text_format()
    {
        var registry = new MetricsRegistry();
        registry.Counter("jobs_total", "Jobs").Increment(3);
        registry.Counter("by_origin", "Per origin").Increment("origin", "a\"b");
        registry.Gauge("queue", "Queue length", () => 2.5);

        var text = registry.Render();

        Assert.Equal(
            "# HELP by_origin Per origin\n# TYPE by_origin counter\nby_origin{origin=\"a\\\"b\"} 1\n" +
            "# HELP jobs_total Jobs\n# TYPE jobs_total counter\njobs_total 3\n" +
            "# HELP queue Queue length\n# TYPE queue gauge\nqueue 2.5\n",
            text);
    }

    [Fact]
    public void Counter_that_never_counted_renders_zero()
    {
        var registry = new MetricsRegistry();
        registry.Counter("errors_total", "Errors");

        Assert.Contains("errors_total 0\n", registry.Render(), StringComparison.Ordinal);
    }
}
