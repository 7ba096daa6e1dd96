using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace KernelCI.Testing;

/// <summary>What one component's meter reports, read as /metrics would: the meter of that name made by one
/// IMeterFactory (the meters' scope), so hosts of tests running in parallel never see each other's measurements.
/// Counters sum their measurements; observable instruments are read at each call and keep their last value.</summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _series = new(StringComparer.Ordinal);

    public MetricRecorder(IMeterFactory factory, string meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == meterName && ReferenceEquals(instrument.Meter.Scope, factory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>Every series now, keyed as Prometheus names them: `name` or `name{key="value",…}`.</summary>
    public IReadOnlyDictionary<string, double> Read()
    {
        _listener.RecordObservableInstruments();
        return new Dictionary<string, double>(_series, StringComparer.Ordinal);
    }

    /// <summary>The sum of <paramref name="instrument"/>'s series whose labels include all of <paramref name="labels"/>.</summary>
    public long Value(string instrument, params (string Key, string Value)[] labels) =>
        (long)Read().Where(s => s.Key == instrument || s.Key.StartsWith(instrument + "{", StringComparison.Ordinal))
            .Where(s => labels.All(l => s.Key.Contains($"{l.Key}=\"{l.Value}\"", StringComparison.Ordinal)))
            .Sum(s => s.Value);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = tags.Length == 0
            ? instrument.Name
            : instrument.Name + "{" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}=\"{t.Value}\"")) + "}";
        if (instrument.IsObservable)
        {
            _series[key] = value;
        }
        else
        {
            _series.AddOrUpdate(key, value, (_, total) => total + value);
        }
    }
}
