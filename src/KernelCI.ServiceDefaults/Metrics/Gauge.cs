using System.Text;

namespace KernelCI.ServiceDefaults.Metrics;

/// <summary>A value read when /metrics is scraped.</summary>
public sealed class Gauge(string name, string help, Func<double> read) : Metric(name, help, "gauge")
{
    protected override void RenderSamples(StringBuilder text) =>
        text.Append(Name).Append(' ').Append(MetricsRegistry.Format(read())).Append('\n');
}
