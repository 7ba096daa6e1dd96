using System.Collections.Concurrent;
using System.Text;

namespace KernelCI.ServiceDefaults.Metrics;

/// <summary>A monotonically increasing count, optionally split by one label.</summary>
public sealed class Counter(string name, string help) : Metric(name, help, "counter")
{
    private readonly ConcurrentDictionary<(string Label, string Value), StrongBox<long>> _samples = new();

    public void Increment(long by = 1) => Add(string.Empty, string.Empty, by);

    public void Increment(string label, string value, long by = 1) => Add(label, value, by);

    public long Value(string label = "", string value = "") =>
        _samples.TryGetValue((label, value), out var box) ? Interlocked.Read(ref box.Value) : 0;

    private void Add(string label, string value, long by)
    {
        var box = _samples.GetOrAdd((label, value), _ => new StrongBox<long>());
        Interlocked.Add(ref box.Value, by);
    }

    protected override void RenderSamples(StringBuilder text)
    {
        if (_samples.IsEmpty)
        {
            text.Append(Name).Append(" 0\n");
        }

        foreach (var ((label, value), box) in _samples.OrderBy(s => s.Key.Value, StringComparer.Ordinal))
        {
            text.Append(Name);
            if (label.Length > 0)
            {
                text.Append('{').Append(label).Append("=\"").Append(Escape(value)).Append("\"}");
            }

            text.Append(' ').Append(Interlocked.Read(ref box.Value)).Append('\n');
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
