using System.Diagnostics.Metrics;

namespace KernelCI.Kcidb.Tests;

/// <summary>What the KCIDB meter made by one IMeterFactory reports now, read as an exporter would at a scrape:
/// `name` or `name{label="value"}` to the value.</summary>
internal static class MeterReading
{
    public static Dictionary<string, double> Read(IMeterFactory factory)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == KcidbMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => values[Key(i, tags)] = v);
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }

    private static string Key(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var key = instrument.Name;
        foreach (var tag in tags)
        {
            key += $"{{{tag.Key}=\"{tag.Value}\"}}";
        }

        return key;
    }
}
