using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace KernelCI.ServiceDefaults.Metrics;

/// <summary>Counters and gauges of one component, rendered in the Prometheus text format at /metrics.</summary>
public sealed class MetricsRegistry
{
    private readonly ConcurrentDictionary<string, Metric> _metrics = new(StringComparer.Ordinal);

    public Counter Counter(string name, string help) =>
        (Counter)_metrics.GetOrAdd(name, n => new Counter(n, help));

    public void Gauge(string name, string help, Func<double> read) =>
        _metrics[name] = new Gauge(name, help, read);

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var metric in _metrics.Values.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            metric.Render(text);
        }

        return text.ToString();
    }

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
