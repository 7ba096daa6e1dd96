using KernelCI.Client.Maestro;
using KernelCI.Pipeline.Config;
using KernelCI.ServiceDefaults.Labs;

namespace KernelCI.Pipeline.Labs;

/// <summary>The lab view (docs/labs.md): per lab of the configuration (lab_type lava or pull_labs, or any type with an
/// <see cref="ILabKind"/>) and per device type, our queued and running job nodes, the devices by health and the
/// submission-to-result percentiles. A node's device type is its platform's base_name (LAVA's device type), else the
/// platform's name.</summary>
internal sealed class LabViewService(PipelineConfig config, IEnumerable<ILabKind> kinds, LabHealthCache health, LabNodes nodes) : ILabView
{
    private readonly Dictionary<string, ILabKind> _kinds = kinds.GroupBy(k => k.LabType).ToDictionary(g => g.Key, g => g.Last());
    private readonly HashSet<string> _labTypes = ["lava", "pull_labs", .. kinds.Select(k => k.LabType)];

    public async Task<IReadOnlyList<LabReport>> LabsAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(config.Runtimes.Values.Where(r => _labTypes.Contains(r.LabType)).OrderBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => BuildAsync(r, cancellationToken)));

    public async Task<LabReport?> LabAsync(string name, CancellationToken cancellationToken) =>
        config.Runtimes.TryGetValue(name, out var lab) && _labTypes.Contains(lab.LabType) ? await BuildAsync(lab, cancellationToken) : null;

    private async Task<LabReport> BuildAsync(RuntimeConfig lab, CancellationToken cancellationToken)
    {
        var devicesTask = health.GetAsync(lab, cancellationToken);
        var activeTask = nodes.ActiveAsync(lab.Name, cancellationToken);
        var finishedTask = nodes.FinishedAsync(lab.Name, cancellationToken);
        var workersTask = _kinds.TryGetValue(lab.LabType, out var kind) ? kind.WorkersAsync(lab, cancellationToken) : Task.FromResult<LabWorkers?>(null);
        var (devices, active, finished, workers) = (await devicesTask, await activeTask, await finishedTask, await workersTask);
        var answered = devices.Health.Status == LabHealth.Ok;
        var claimed = workers?.Claimed ?? new HashSet<string>();
        bool IsQueued(MaestroNode node) => !claimed.Contains(node.Id!) && Waiting(node);
        var types = devices.Devices.Select(d => d.DeviceType).Concat(active.Concat(finished).Select(DeviceType))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var reports = types.Select(type => new DeviceTypeReport(type,
            active.Count(n => DeviceType(n) == type && IsQueued(n)),
            active.Count(n => DeviceType(n) == type && !IsQueued(n)),
            answered ? devices.Devices.Where(d => d.DeviceType == type).GroupBy(d => d.Health).ToDictionary(g => g.Key, g => g.Count()) : null,
            Latency(finished.Where(n => DeviceType(n) == type))));
        return new LabReport(lab.Name, lab.LabType, workers?.Health ?? devices.Health, [.. reports], workers?.Workers);
    }

    // Waiting for the lab: published for a pull lab to fetch (`available`) and held by no worker's claim, or created and
    // not yet accepted by the lab (no job_id yet). Running: the lab holds it and its result has not come back.
    private static bool Waiting(MaestroNode node) => node.State == "available" || node.Data["job_id"] is null;

    private string DeviceType(MaestroNode node)
    {
        var platform = node.Data["platform"]?.ToString();
        return platform is null ? "unknown"
            : config.Platforms.TryGetValue(platform, out var p) ? p.BaseName ?? p.Name
            : platform;
    }

    private static JobLatency? Latency(IEnumerable<MaestroNode> finished)
    {
        var seconds = finished.Select(n => JobTimes.Duration(n.Data)).OfType<TimeSpan>().Select(d => d.TotalSeconds).Order().ToList();
        return seconds.Count == 0 ? null : new JobLatency(seconds.Count, Percentile.Of(seconds, 50), Percentile.Of(seconds, 95));
    }
}
