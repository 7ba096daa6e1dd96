using System.Collections.Concurrent;
using KernelCI.Pipeline.Config;
using KernelCI.ServiceDefaults.Labs;
using Microsoft.Extensions.Logging;

namespace KernelCI.Pipeline.Labs;

/// <summary>Each lab's devices, asked through its <see cref="ILabKind"/> at most once per <see cref="Lifetime"/>, so
/// a page reloaded by many readers does not load the lab. A lab that does not answer within <see cref="Timeout"/>, or
/// fails, is "unreachable" with the reason; that answer is cached too, so a dead lab does not slow every request.</summary>
internal sealed class LabHealthCache(IEnumerable<ILabKind> kinds, TimeProvider time, ILogger<LabHealthCache> logger)
{
    public static TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(30);

    public static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, ILabKind> _kinds = kinds.GroupBy(k => k.LabType).ToDictionary(g => g.Key, g => g.Last());
    private readonly ConcurrentDictionary<string, (DateTimeOffset Taken, Task<LabDevices> Answer)> _cache = new();

    public Task<LabDevices> GetAsync(RuntimeConfig lab, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var entry = _cache.AddOrUpdate(lab.Name, _ => (now, AskAsync(lab)),
            (_, old) => now - old.Taken < Lifetime ? old : (now, AskAsync(lab)));
        // The shared query runs on its own timeout: one reader leaving does not cancel it for the others.
        return entry.Answer.WaitAsync(cancellationToken);
    }

    private async Task<LabDevices> AskAsync(RuntimeConfig lab)
    {
        var checkedAt = time.GetUtcNow();
        if (!_kinds.TryGetValue(lab.LabType, out var kind))
        {
            return new LabDevices(new LabHealth(LabHealth.NotReported, null, null), []);
        }

        using var timeout = new CancellationTokenSource(Timeout, time);
        try
        {
            var devices = await kind.DevicesAsync(lab, timeout.Token);
            return devices is null
                ? new LabDevices(new LabHealth(LabHealth.NotReported, null, null), [])
                : new LabDevices(new LabHealth(LabHealth.Ok, null, checkedAt), devices);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var reason = e is OperationCanceledException ? $"no answer within {Timeout.TotalSeconds:0} s" : e.Message;
            LabViewLog.Unreachable(logger, lab.Name, reason);
            return new LabDevices(new LabHealth(LabHealth.Unreachable, reason, checkedAt), []);
        }
    }
}
