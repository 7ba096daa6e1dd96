using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace KernelCI.Maestro.Tests;

/// <summary>Records what one app's "KernelCI.Maestro" meter reports (apps of parallel tests have their own
/// IMeterFactory, the meters' scope).</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _totals = new();

    public MetricRecorder(MaestroTestApp app)
    {
        var factory = app.App.Services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MaestroMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of a counter's measurements, or a gauge's last value, for one tag value (or none).</summary>
    public long Value(string instrument, string? tag = null)
    {
        _listener.RecordObservableInstruments();
        return _totals.GetValueOrDefault(tag is null ? instrument : $"{instrument}{{{tag}}}");
    }

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name;
        foreach (var tag in tags)
        {
            key += $"{{{tag.Key}={tag.Value}}}";
        }

        if (instrument is ObservableGauge<int> or ObservableGauge<long>)
        {
            _totals[key] = value;
        }
        else
        {
            _totals.AddOrUpdate(key, value, (_, total) => total + value);
        }
    }
}
