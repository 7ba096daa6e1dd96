using System.Diagnostics.Metrics;
using KernelCI.Testing;

namespace KernelCI.Kcidb.Tests;

internal static class MetricReading
{
    /// <summary>The KCIDB meter of one IMeterFactory as a scrape reads it: `name` or `name{label="value"}` to the value.</summary>
    public static IReadOnlyDictionary<string, double> Read(IMeterFactory factory)
    {
        using var recorder = new MetricRecorder(factory, KcidbMetrics.MeterName);
        return recorder.Read();
    }
}
