using System.Collections.Concurrent;

namespace KernelCI.Pipeline.Services.Scheduler;

/// <summary>Job nodes this process created in the last <see cref="Window"/>, keyed by (parent, job, runtime, platform,
/// retry_counter): the same event delivered twice, or a second event racing the first's nodes into Maestro's
/// results, creates nothing twice.</summary>
internal sealed class DedupGuard(TimeProvider timeProvider)
{
    private const int SweepAbove = 100_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _created = new(StringComparer.Ordinal);

    public static TimeSpan Window { get; } = TimeSpan.FromSeconds(600);

    public static string Key(string parent, string job, string runtime, string platform, int retryCounter) =>
        $"{parent}\u001f{job}\u001f{runtime}\u001f{platform}\u001f{retryCounter}";

    public bool Contains(string key) =>
        _created.TryGetValue(key, out var at) && timeProvider.GetUtcNow() - at < Window;

    public void Add(string key)
    {
        var now = timeProvider.GetUtcNow();
        _created[key] = now;
        if (_created.Count > SweepAbove)
        {
            foreach (var (old, at) in _created)
            {
                if (now - at >= Window)
                {
                    _created.TryRemove(old, out _);
                }
            }
        }
    }
}
