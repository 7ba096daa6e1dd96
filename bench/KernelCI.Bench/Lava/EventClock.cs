using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KernelCI.Bench.Lava;

/// <summary>When the pipeline logged a job submitted to LAVA (LavaLog.Submitted, 7800) and a callback stored
/// (LavaCallbackLog.Stored, 7700), read from its logs: the moments the orchestration figures are split at.</summary>
internal sealed class EventClock : ILoggerProvider
{
    public const int Submitted = 7800;
    public const int CallbackStored = 7700;

    private readonly ConcurrentDictionary<(int EventId, string NodeId), Seen> _seen = new();
    private readonly SemaphoreSlim _changed = new(0);

    /// <summary>One event: when it was logged, and the LAVA job id it names.</summary>
    public sealed record Seen(DateTimeOffset At, string? JobId);

    public int Count(int eventId) => _seen.Keys.Count(k => k.EventId == eventId);

    public IReadOnlyList<(string NodeId, Seen Seen)> All(int eventId) =>
        [.. _seen.Where(p => p.Key.EventId == eventId).Select(p => (p.Key.NodeId, p.Value)).OrderBy(p => p.Value.At)];

    public Seen? Find(int eventId, string nodeId) => _seen.GetValueOrDefault((eventId, nodeId));

    /// <summary>Waits until <paramref name="done"/> holds, looking again each time an event is recorded.</summary>
    public async Task WaitAsync(Func<EventClock, bool> done, TimeSpan limit, string what, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(limit);
        try
        {
            while (!done(this))
            {
                await _changed.WaitAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchFailure($"{what}: not seen within {limit.TotalSeconds:0} s");
        }
    }

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose() => _changed.Dispose();

    private void Record(int eventId, IReadOnlyList<KeyValuePair<string, object?>> state)
    {
        var values = state.ToDictionary(p => p.Key, p => p.Value?.ToString());
        if (values.GetValueOrDefault("NodeId") is { } node)
        {
            _seen.TryAdd((eventId, node), new Seen(DateTimeOffset.UtcNow, values.GetValueOrDefault("JobId")));
            _changed.Release();
        }
    }

    private sealed class Recorder(EventClock clock) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id is Submitted or CallbackStored && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                clock.Record(eventId.Id, values);
            }
        }
    }
}
